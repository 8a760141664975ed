package org.cdrbuilder.core.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Where a build's directories live. Every stage reads and writes through {@code java.nio.file}, so a directory may be
 * a local path or, when a module on the class path provides a {@link Resolver} (the spark module does, for Hadoop
 * file systems), a path of another file system named by a URI ({@code hdfs://namenode:8020/cdr/work}). Paths kept as
 * text (unit attributes, executor specs) are written with {@link #externalForm} and read back with {@link #path}.
 */
public final class Storage {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    private Storage() {
    }

    /** Turns URIs of one or more schemes into paths of a {@code java.nio.file} file system. */
    public interface Resolver {
        /** Whether this resolver makes paths for {@code scheme} (lower case, never {@code file}). */
        boolean handles(String scheme);

        /** The path the URI names; throws {@link IllegalArgumentException} when it cannot name one. */
        Path path(URI uri);
    }

    /**
     * What a file system other than the default one says about itself; implemented by its {@link FileSystem}.
     * Callers fall back to the local file system's guarantees when a file system does not implement it.
     */
    public interface Capabilities {
        /**
         * Whether renaming a directory is atomic (HDFS, local): publication renames a staged release into place.
         * Object stores copy object by object; there a release is committed by writing its manifest last.
         */
        boolean atomicDirectoryRename();
    }

    /**
     * A path from its text: a URI of a scheme a {@link Resolver} handles, a {@code file:} URI, or a local path.
     *
     * @throws IllegalArgumentException when the text is a URI whose scheme nothing on the class path handles
     */
    public static Path path(String value) {
        var m = SCHEME.matcher(value);
        if (!m.matches()) {
            return value.startsWith("file:") ? fileUri(value) : Path.of(value);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return fileUri(value);
        }
        Resolver r = resolver(scheme).orElseThrow(() -> new IllegalArgumentException(scheme + ":// is not supported "
                + "by the default engine, which reads and writes local or mounted file systems: give a local path or "
                + "a file:// URI, or run with --engine spark, whose module reads Hadoop file systems (docs/CLUSTER.md): "
                + value));
        try {
            return r.path(new URI(value));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URI: " + value + " (" + e.getReason() + ")");
        }
    }

    /** The resolver on the class path for a scheme, if any. */
    public static Optional<Resolver> resolver(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        for (Resolver r : resolvers()) {
            if (r.handles(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static List<Resolver> resolvers() {
        List<Resolver> out = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        // the context loader first: under spark-submit the application's classes are not on the system class path
        for (ClassLoader cl : context == null ? List.of(Storage.class.getClassLoader())
                : List.of(context, Storage.class.getClassLoader())) {
            for (Resolver r : ServiceLoader.load(Resolver.class, cl)) {
                if (out.stream().noneMatch(o -> o.getClass() == r.getClass())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static Path fileUri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() && !uri.getAuthority().equals("localhost")) {
                throw new IllegalArgumentException("a file: URI must name a local path (file:///dir), not the host "
                        + uri.getAuthority() + ": " + value);
            }
            if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                throw new IllegalArgumentException("a file: URI must hold an absolute path (file:///dir): " + value);
            }
            return Path.of(uri.getPath()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid file: URI: " + value + " (" + e.getReason() + ")");
        }
    }

    /** The text {@link #path} reads back as the same path: the path itself if local, its URI otherwise. */
    public static String externalForm(Path p) {
        return isLocal(p) ? p.toString() : p.toUri().toString();
    }

    /** Whether the path is on the default (local or mounted) file system. */
    public static boolean isLocal(Path p) {
        return p.getFileSystem() == FileSystems.getDefault();
    }

    /** See {@link Capabilities#atomicDirectoryRename}; true for the local file system. */
    public static boolean atomicDirectoryRename(Path p) {
        return !(p.getFileSystem() instanceof Capabilities c) || c.atomicDirectoryRename();
    }

    /**
     * Takes an exclusive lock named by {@code file}, or returns null when another process holds it. Local: an
     * operating-system lock on the file, released when the process dies. Elsewhere (no such locks): the file created
     * exclusively, holding {@code holder}, and deleted on release; a process killed while holding it leaves it
     * behind, and the caller's message must say to delete it when no build is running.
     */
    public static Lock tryLock(Path file, String holder) throws IOException {
        if (isLocal(file)) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                return null;
            }
            return held(ch, lock);
        }
        try {
            Files.writeString(file, holder + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return null;
        }
        return () -> Files.deleteIfExists(file);
    }

    /**
     * {@link #tryLock}, waiting for the lock. Local locks block; a lock file is polled every 100 ms, for at most
     * {@code maxWaitMillis}.
     */
    public static Lock lock(Path file, String holder, long maxWaitMillis) throws IOException {
        if (isLocal(file)) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return held(ch, ch.lock());
        }
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        while (true) {
            Lock l = tryLock(file, holder);
            if (l != null) {
                return l;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the lock file " + externalForm(file) + " was held for more than "
                        + maxWaitMillis / 1000 + " s; if no build is running, a killed one left it: delete it");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + externalForm(file));
            }
        }
    }

    private static Lock held(FileChannel ch, FileLock lock) {
        return () -> {
            try {
                lock.release();
            } finally {
                ch.close();
            }
        };
    }

    /** A held lock; {@link #close} releases it. */
    @FunctionalInterface
    public interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }
}
