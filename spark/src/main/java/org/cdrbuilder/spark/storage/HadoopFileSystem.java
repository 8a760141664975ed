package org.cdrbuilder.spark.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.cdrbuilder.core.io.Storage;

import static java.util.Objects.requireNonNull;

/**
 * One Hadoop file system (a scheme and authority: {@code hdfs://namenode:8020}) as a {@code java.nio.file} file
 * system. Paths are absolute Unix-style paths below its root; {@link HadoopPath#toString} of an absolute path is its
 * full URI, so that messages, unit attributes and executor specs name the file system too.
 */
final class HadoopFileSystem extends FileSystem implements Storage.Capabilities {
    private final HadoopFileSystemProvider provider;
    private final org.apache.hadoop.fs.FileSystem hadoop;
    private final URI root;
    private final String prefix;
    private volatile boolean open = true;

    HadoopFileSystem(HadoopFileSystemProvider provider, org.apache.hadoop.fs.FileSystem hadoop, URI root) {
        this.provider = requireNonNull(provider, "provider is null");
        this.hadoop = requireNonNull(hadoop, "hadoop is null");
        this.root = requireNonNull(root, "root is null");
        String r = root.toString();
        this.prefix = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    org.apache.hadoop.fs.FileSystem hadoop() {
        return hadoop;
    }

    /** {@code hdfs://namenode:8020}, without a trailing slash. */
    String prefix() {
        return prefix;
    }

    URI root() {
        return root;
    }

    /** The Hadoop path of one of this file system's paths. */
    org.apache.hadoop.fs.Path hadoopPath(HadoopPath p) {
        return new org.apache.hadoop.fs.Path(prefix + ((HadoopPath) p.toAbsolutePath().normalize()).pathString());
    }

    HadoopPath path(String unixPath) {
        return new HadoopPath(this, unixPath);
    }

    @Override
    public boolean atomicDirectoryRename() {
        return !HadoopStorage.objectStores().contains(root.getScheme().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        open = false;
        HadoopStorage.forget(this);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(path("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(new HadoopFileStore(this, path("/")));
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /** A path from its text: a path below the root ({@code /cdr/work}), or a full URI of this file system. */
    @Override
    public Path getPath(String first, String... more) {
        StringBuilder b = new StringBuilder(strip(first));
        for (String m : more) {
            if (!m.isEmpty()) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
                    b.append('/');
                }
                b.append(m);
            }
        }
        return path(b.toString());
    }

    private String strip(String s) {
        if (s.regionMatches(true, 0, prefix, 0, prefix.length())
                && (s.length() == prefix.length() || s.charAt(prefix.length()) == '/')) {
            String rest = s.substring(prefix.length());
            return rest.isEmpty() ? "/" : rest;
        }
        if (s.contains("://")) {
            throw new IllegalArgumentException(s + " is not a path of " + prefix);
        }
        return s;
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("syntax:pattern expected: " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex;
        if (syntax.equalsIgnoreCase("regex")) {
            regex = Pattern.compile(pattern);
        } else if (syntax.equalsIgnoreCase("glob")) {
            regex = Pattern.compile(globToRegex(pattern));
        } else {
            throw new UnsupportedOperationException("syntax " + syntax + " is not supported");
        }
        return p -> regex.matcher(p instanceof HadoopPath h && h.isAbsolute() ? h.pathString() : p.toString()).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        r.append(".*");
                        i++;
                    } else {
                        r.append("[^/]*");
                    }
                }
                case '?' -> r.append("[^/]");
                case '{' -> {
                    r.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    r.append(')');
                    inGroup = false;
                }
                case ',' -> r.append(inGroup ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> r.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("user principals of " + prefix);
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching " + prefix);
    }

    @Override
    public String toString() {
        return prefix;
    }
}
