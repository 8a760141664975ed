package org.cdrbuilder.app.batch;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.Storage;

/**
 * What a build checks and takes before any work, so that it fails at once with a plain message (exit code 2)
 * instead of after hours: the work, releases and private directories exist or can be made and are writable; their
 * file systems have room for what the drop will need; and no other build uses them (file locks: the work directory
 * per version, the releases directory per version, the private directory, whose mapping store every build updates).
 * The locks are held until {@link #close}. On a file system without file locks (HDFS...) a lock is a file created
 * exclusively ({@link Storage#tryLock}), which a killed build leaves behind: the message says so.
 */
public final class BuildLocks implements AutoCloseable {
    /**
     * Work space per byte of drop (staged, harmonized, cleaned and tier Parquet): measured 0.49 on a generated drop
     * of 20,000 participants (1.14 GB of CSV and JSON); twice that, for margin.
     */
    static final double WORK_BYTES_PER_DROP_BYTE = 1.0;
    /** Release space per byte of drop, both tiers: measured 0.20 on the same drop; 2.5 times that. */
    static final double RELEASE_BYTES_PER_DROP_BYTE = 0.5;
    /** Space every build needs whatever its drop (job repository, logs, small files). */
    static final long BASE_BYTES = 64L << 20;

    private final List<Storage.Lock> locks = new ArrayList<>();

    private BuildLocks() {
    }

    /** Checks the directories and takes the locks; throws {@link ConfigException} naming the problem. */
    public static BuildLocks acquire(BuildSettings s) {
        for (Path d : List.of(s.work(), s.releases(), s.privateDir())) {
            writable(d);
        }
        long drop = size(s.drop()) + size(s.vocabulary());
        space(s.work(), BASE_BYTES + (long) (drop * WORK_BYTES_PER_DROP_BYTE), "work", drop);
        space(s.releases(), BASE_BYTES + (long) (drop * RELEASE_BYTES_PER_DROP_BYTE), "releases", drop);
        BuildLocks l = new BuildLocks();
        try {
            l.lock(s.work().resolve("." + s.version() + ".lock"), "another build of " + s.version()
                    + " is running with the work directory " + s.work());
            l.lock(s.releases().resolve("." + s.version() + ".lock"), "another build of " + s.version()
                    + " is publishing into " + s.releases());
            l.lock(s.privateDir().resolve(".build.lock"), "another build is using the private directory "
                    + s.privateDir() + " (its privacy mapping store is updated by every build)");
            return l;
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
    }

    private void lock(Path file, String message) {
        try {
            Storage.Lock lock = Storage.tryLock(file, "cdr build, process " + ProcessHandle.current().pid());
            if (lock == null) {
                throw new ConfigException(message + " (lock " + Storage.externalForm(file) + "); wait for it to end"
                        + (Storage.isLocal(file) ? "" : ", or delete the lock file if no build is running (a build "
                        + "that was killed leaves it behind on this file system)"));
            }
            locks.add(lock);
        } catch (IOException e) {
            throw new ConfigException("cannot lock " + Storage.externalForm(file) + ": " + e.getMessage());
        }
    }

    private static void writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".cdr-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException("directory " + dir + " cannot be written: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static void space(Path dir, long needed, String what, long drop) {
        try {
            FileStore store = Files.getFileStore(dir);
            long free = store.getUsableSpace();
            if (free < needed) {
                throw new ConfigException(String.format(Locale.ROOT, "not enough free space for the %s directory %s: "
                        + "%.1f GB free, about %.1f GB needed for a drop of %.1f GB; free space or choose another "
                        + "directory", what, dir, free / 1e9, needed / 1e9, drop / 1e9));
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read the free space of " + dir + ": " + e.getMessage());
        }
    }

    private static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (Storage.Lock l : locks) {
            try {
                l.close();
            } catch (IOException ignored) {
                // released with the process (local) or left for the operator, as the lock message says
            }
        }
        locks.clear();
    }
}
