package org.cdrbuilder.spark.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.conf.Configuration;
import org.cdrbuilder.core.io.Storage;

/**
 * The build's directories on Hadoop file systems ({@code hdfs://}, {@code s3a://}, {@code abfs://}, {@code viewfs://}
 * ... whatever file systems the class path and the Hadoop configuration provide): each URI becomes a
 * {@code java.nio.file} path of a {@link HadoopFileSystem}, so that every stage reads and writes there through the
 * same code as on a local disk. One file system per scheme and authority, per JVM (driver and each executor).
 *
 * <p>The Hadoop configuration is the usual one ({@code core-site.xml}, {@code hdfs-site.xml} on the class path, as
 * {@code spark-submit} puts {@code HADOOP_CONF_DIR} there) plus every {@code spark.hadoop.*} system property without
 * its prefix, as Spark does. Object stores, which copy instead of renaming, are the schemes of
 * {@value #OBJECT_STORES_PROPERTY} (default {@value #OBJECT_STORES}).
 */
public final class HadoopStorage implements Storage.Resolver {
    /** Comma-separated schemes whose directory rename is not atomic: publication commits by manifest. */
    public static final String OBJECT_STORES_PROPERTY = "cdr.storage.object-stores";
    static final String OBJECT_STORES = "s3a,s3,s3n,gs,oss,cos,cosn,obs,wasb,wasbs";

    private static final Map<String, HadoopFileSystem> FILE_SYSTEMS = new ConcurrentHashMap<>();

    /** ServiceLoader's constructor. */
    public HadoopStorage() {
    }

    @Override
    public boolean handles(String scheme) {
        if (scheme.equals("file")) {
            return false;
        }
        try {
            org.apache.hadoop.fs.FileSystem.getFileSystemClass(scheme, configuration());
            return true;
        } catch (IOException e) {
            return false; // "No FileSystem for scheme"
        }
    }

    @Override
    public Path path(URI uri) {
        if (uri.getScheme() == null || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException("a Hadoop file system URI must hold a scheme and an absolute path "
                    + "(hdfs://namenode:8020/dir): " + uri);
        }
        return fileSystem(uri).path(uri.getPath());
    }

    /** The file system of a URI's scheme and authority, opened on first use. */
    static HadoopFileSystem fileSystem(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
        String key = scheme + "://" + authority;
        return FILE_SYSTEMS.computeIfAbsent(key, k -> {
            Configuration conf = configuration();
            try {
                URI root = URI.create(k + "/");
                return new HadoopFileSystem(HadoopFileSystemProvider.of(scheme),
                        org.apache.hadoop.fs.FileSystem.get(root, conf), root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the file system " + k + ": " + e.getMessage(), e);
            }
        });
    }

    /** Forgets a file system that was closed, so that the next path of its URI opens it again. */
    static void forget(HadoopFileSystem fs) {
        FILE_SYSTEMS.values().remove(fs);
    }

    static Configuration configuration() {
        Configuration conf = new Configuration();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("spark.hadoop.")) {
                conf.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
            }
        }
        return conf;
    }

    static Set<String> objectStores() {
        return Set.of(System.getProperty(OBJECT_STORES_PROPERTY, OBJECT_STORES).toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }
}
