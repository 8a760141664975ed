package org.cdrbuilder.spark.storage;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.apache.hadoop.fs.FileStatus;

/** A Hadoop file status as basic attributes (no links: {@code isSymbolicLink} is false). */
record HadoopAttributes(FileStatus status) implements BasicFileAttributes {
    @Override
    public FileTime lastModifiedTime() {
        return FileTime.fromMillis(status.getModificationTime());
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.fromMillis(status.getAccessTime());
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return status.isFile();
    }

    @Override
    public boolean isDirectory() {
        return status.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return !status.isFile() && !status.isDirectory();
    }

    @Override
    public long size() {
        return status.isFile() ? status.getLen() : 0;
    }

    @Override
    public Object fileKey() {
        return null;
    }
}
