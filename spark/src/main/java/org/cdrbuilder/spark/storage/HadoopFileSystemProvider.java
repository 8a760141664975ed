package org.cdrbuilder.spark.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * {@code java.nio.file} operations on a Hadoop file system, with the local file system's contract where the code of
 * the stages relies on it: missing files raise {@link NoSuchFileException}, {@code CREATE_NEW} refuses an existing
 * file (on S3 with conditional writes, a file created meanwhile by another writer is refused when the stream is
 * closed, as the object is written then), {@code delete} refuses a non-empty directory, a move onto an existing target needs {@code REPLACE_EXISTING}.
 * What Hadoop file systems cannot do is refused, not emulated: writes are sequential (no seeking or truncating),
 * there are no hard links (callers copy), no POSIX attributes (ignored on creation), and an atomic move of a directory
 * on an object store raises {@link AtomicMoveNotSupportedException}. Instances are not installed providers (those must
 * be on the system class path); {@link HadoopStorage} makes the paths.
 */
final class HadoopFileSystemProvider extends FileSystemProvider {
    private static final Map<String, HadoopFileSystemProvider> BY_SCHEME = new ConcurrentHashMap<>();
    /** The create option and path capability of a create that the store refuses when the file exists. */
    private static final String CONDITIONAL_CREATE =
            org.apache.hadoop.fs.Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE;

    private final String scheme;

    private HadoopFileSystemProvider(String scheme) {
        this.scheme = scheme;
    }

    static HadoopFileSystemProvider of(String scheme) {
        return BY_SCHEME.computeIfAbsent(scheme.toLowerCase(Locale.ROOT), HadoopFileSystemProvider::new);
    }

    private static HadoopPath hp(Path p) {
        if (!(p instanceof HadoopPath h)) {
            throw new java.nio.file.ProviderMismatchException("not a path of a Hadoop file system: " + p);
        }
        return h;
    }

    private static HadoopFileSystem fs(Path p) {
        return (HadoopFileSystem) hp(p).getFileSystem();
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return fs(p).hadoopPath(hp(p));
    }

    /** The file's status, or null when there is none. */
    static FileStatus status(Path p) throws IOException {
        try {
            return fs(p).hadoop().getFileStatus(hadoop(p));
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static FileStatus existing(Path p) throws IOException {
        FileStatus s = status(p);
        if (s == null) {
            throw new NoSuchFileException(p.toString());
        }
        return s;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        return HadoopStorage.fileSystem(uri);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return HadoopStorage.fileSystem(uri);
    }

    @Override
    public Path getPath(URI uri) {
        return new HadoopStorage().path(uri);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.WRITE || o == StandardOpenOption.APPEND) {
                throw new UnsupportedOperationException("an input stream cannot " + o);
            }
        }
        FileStatus s = existing(path);
        if (s.isDirectory()) {
            throw new IOException(path + " is a directory");
        }
        return open(path, s);
    }

    /** Opens a file whose status was just read: an object store then needs no second request for its length. */
    private static FSDataInputStream open(Path path, FileStatus s) throws IOException {
        return FutureIO.awaitFuture(fs(path).hadoop().openFile(hadoop(path)).withFileStatus(s).build());
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> opts = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : Set.of(options);
        return create(path, opts);
    }

    private static FSDataOutputStream create(Path path, Set<? extends OpenOption> opts) throws IOException {
        HadoopFileSystem fs = fs(path);
        FileStatus s = status(path);
        if (s != null && s.isDirectory()) {
            throw new FileAlreadyExistsException(path.toString(), null, "a directory");
        }
        if (opts.contains(StandardOpenOption.CREATE_NEW)) {
            if (s != null) {
                throw new FileAlreadyExistsException(path.toString());
            }
            org.apache.hadoop.fs.Path hp = hadoop(path);
            if (fs.hadoop().hasPathCapability(hp, CONDITIONAL_CREATE)) {
                // an object store's overwrite=false only looks for the object before writing; with If-None-Match the
                // store itself refuses it at close if another writer created it meanwhile (S3 since 2024, S3A 3.5)
                return exclusive(path, (FSDataOutputStream) fs.hadoop().createFile(hp).overwrite(false).recursive()
                        .must(CONDITIONAL_CREATE, true).build()); // a raw builder: build() is typed Object
            }
            try {
                // overwrite=false: the name server refuses an existing file, which makes lock files exclusive
                return fs.hadoop().create(hp, false);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(path.toString());
            }
        }
        if (s == null && !opts.contains(StandardOpenOption.CREATE)) {
            throw new NoSuchFileException(path.toString());
        }
        if (opts.contains(StandardOpenOption.APPEND)) {
            return s == null ? fs.hadoop().create(hadoop(path), false) : fs.hadoop().append(hadoop(path));
        }
        if (s != null && s.getLen() > 0 && !opts.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new UnsupportedOperationException("writing into the middle of " + path
                    + ": Hadoop files are written once, from the start");
        }
        Path parent = path.getParent();
        if (parent != null && status(parent) == null) {
            throw new NoSuchFileException(parent.toString(), null, "no parent directory");
        }
        return fs.hadoop().create(hadoop(path), true);
    }

    /**
     * A conditional create's stream: its close fails when the store refused the object, which is then reported as
     * the file existing if it does (the other writer won), else as the store's error.
     */
    private static FSDataOutputStream exclusive(Path path, FSDataOutputStream out) throws IOException {
        return new FSDataOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    if (status(path) != null) {
                        FileAlreadyExistsException exists = new FileAlreadyExistsException(path.toString(), null,
                                "created by another writer");
                        exists.initCause(e);
                        throw exists;
                    }
                    throw e;
                }
            }
        }, null);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        // attributes (the POSIX permissions Files.createTempFile asks for) are left to the file system's defaults
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        if (!write) {
            FileStatus s = existing(path);
            if (s.isDirectory()) {
                throw new IOException(path + " is a directory");
            }
            return HadoopChannels.reading(open(path, s), s.getLen());
        }
        return HadoopChannels.writing(create(path, options));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        FileStatus s = existing(dir);
        if (!s.isDirectory()) {
            throw new NotDirectoryException(dir.toString());
        }
        FileStatus[] children = fs(dir).hadoop().listStatus(hadoop(dir));
        List<Path> out = new ArrayList<>(children.length);
        Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        for (FileStatus c : children) {
            Path p = dir.resolve(c.getPath().getName());
            if (filter == null || filter.accept(p)) {
                out.add(p);
            }
        }
        return new DirectoryStream<>() {
            private boolean iterated;

            @Override
            public Iterator<Path> iterator() {
                if (iterated) {
                    throw new IllegalStateException("a directory stream is iterated once");
                }
                iterated = true;
                return out.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        if (status(dir) != null) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        Path parent = dir.getParent();
        if (parent != null && status(parent) == null) {
            throw new NoSuchFileException(parent.toString(), null, "no parent directory");
        }
        if (!fs(dir).hadoop().mkdirs(hadoop(dir))) {
            throw new IOException("cannot create the directory " + dir);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        FileStatus s = existing(path);
        if (s.isDirectory() && fs(path).hadoop().listStatusIterator(hadoop(path)).hasNext()) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        if (!fs(path).hadoop().delete(hadoop(path), false) && status(path) != null) {
            throw new IOException("cannot delete " + path);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        FileStatus s = existing(source);
        prepareTarget(target, options);
        if (s.isDirectory()) {
            createDirectory(target);
            return;
        }
        try (InputStream in = newInputStream(source); OutputStream out = newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    /**
     * A rename: atomic for a file and, on HDFS, for a directory; on an object store a directory's objects are copied
     * one by one, so an atomic move of a directory there is refused.
     */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        FileStatus s = existing(source);
        boolean atomic = Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE);
        if (atomic && s.isDirectory() && !fs(source).atomicDirectoryRename()) {
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(),
                    fs(source) + " copies a directory object by object");
        }
        if (fs(source) != fs(target)) {
            throw new IOException("cannot move " + source + " to another file system: " + target);
        }
        prepareTarget(target, options);
        Path parent = target.getParent();
        if (parent != null && status(parent) == null) {
            throw new NoSuchFileException(parent.toString(), null, "no parent directory");
        }
        if (!fs(source).hadoop().rename(hadoop(source), hadoop(target))) {
            throw new IOException("cannot rename " + source + " to " + target);
        }
    }

    private void prepareTarget(Path target, CopyOption... options) throws IOException {
        FileStatus t = status(target);
        if (t == null) {
            return;
        }
        if (!Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        delete(target); // refuses a non-empty directory, as the local file system does
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.equals(path2);
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        existing(path);
        return new HadoopFileStore(fs(path), path);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        existing(path); // permissions are checked by the file system on use
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return HadoopFileSystemProvider.this.readAttributes(path, BasicFileAttributes.class);
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime)
                    throws IOException {
                fs(path).hadoop().setTimes(hadoop(path), lastModifiedTime == null ? -1 : lastModifiedTime.toMillis(),
                        lastAccessTime == null ? -1 : lastAccessTime.toMillis());
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException(type.getSimpleName() + " of a Hadoop file system");
        }
        return (A) new HadoopAttributes(existing(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String names = attributes.startsWith("basic:") ? attributes.substring(6) : attributes;
        if (names.contains(":")) {
            throw new UnsupportedOperationException("attributes " + attributes + " of a Hadoop file system");
        }
        BasicFileAttributes a = readAttributes(path, BasicFileAttributes.class);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("lastModifiedTime", a.lastModifiedTime());
        all.put("lastAccessTime", a.lastAccessTime());
        all.put("creationTime", a.creationTime());
        all.put("size", a.size());
        all.put("isRegularFile", a.isRegularFile());
        all.put("isDirectory", a.isDirectory());
        all.put("isSymbolicLink", a.isSymbolicLink());
        all.put("isOther", a.isOther());
        all.put("fileKey", a.fileKey());
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names.split(",")) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("no attribute " + n);
            }
            out.put(n, all.get(n));
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("setting " + attribute + " on a Hadoop file system");
    }
}
