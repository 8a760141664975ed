package org.cdrbuilder.spark.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

import org.apache.hadoop.fs.FsStatus;

/** A Hadoop file system's space, as its {@code getStatus} reports it (object stores report none: unlimited). */
final class HadoopFileStore extends FileStore {
    private final HadoopFileSystem fs;
    private final Path path;

    HadoopFileStore(HadoopFileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    private FsStatus status() throws IOException {
        return fs.hadoop().getStatus(fs.hadoopPath((HadoopPath) path.toAbsolutePath()));
    }

    private static long orUnlimited(long v) {
        return v <= 0 || v == Long.MAX_VALUE ? Long.MAX_VALUE : v;
    }

    @Override
    public String name() {
        return fs.prefix();
    }

    @Override
    public String type() {
        return fs.hadoop().getScheme();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public long getTotalSpace() throws IOException {
        return orUnlimited(status().getCapacity());
    }

    @Override
    public long getUsableSpace() throws IOException {
        FsStatus s = status();
        return s.getCapacity() <= 0 ? Long.MAX_VALUE : s.getRemaining();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return getUsableSpace();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return name.equals("basic");
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) {
        throw new UnsupportedOperationException("file store attribute " + attribute);
    }
}
