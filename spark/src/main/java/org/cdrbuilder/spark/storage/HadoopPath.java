package org.cdrbuilder.spark.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A Unix-style path of a {@link HadoopFileSystem}: absolute ({@code /cdr/work/v1}) or relative ({@code v1/qa}).
 * Path arithmetic is on the text alone, as for local paths; only {@link #toRealPath} asks the file system.
 */
final class HadoopPath implements Path {
    private final HadoopFileSystem fs;
    /** Without repeated or trailing slashes; "/" for the root, "" for the empty path. */
    private final String path;
    private String[] names;

    HadoopPath(HadoopFileSystem fs, String path) {
        this.fs = requireNonNull(fs, "fs is null");
        this.path = clean(requireNonNull(path, "path is null"));
    }

    private static String clean(String p) {
        if (p.indexOf('\0') >= 0) {
            throw new java.nio.file.InvalidPathException(p, "NUL character");
        }
        StringBuilder b = new StringBuilder(p.length());
        char prev = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/' && prev == '/') {
                continue;
            }
            b.append(c);
            prev = c;
        }
        if (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    /** The path below the file system's root, without scheme and authority. */
    String pathString() {
        return path;
    }

    private String[] names() {
        if (names == null) {
            String body = path.startsWith("/") ? path.substring(1) : path;
            names = body.isEmpty() ? (path.isEmpty() ? new String[] {""} : new String[0]) : body.split("/");
        }
        return names;
    }

    private HadoopPath of(String p) {
        return new HadoopPath(fs, p);
    }

    private static HadoopPath check(Path other) {
        if (!(other instanceof HadoopPath h)) {
            throw new ProviderMismatchException("not a path of a Hadoop file system: " + other);
        }
        return h;
    }

    @Override
    public FileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    @Override
    public Path getRoot() {
        return isAbsolute() ? of("/") : null;
    }

    @Override
    public Path getFileName() {
        String[] n = names();
        if (n.length == 0) {
            return null;
        }
        return n.length == 1 && !isAbsolute() ? this : of(n[n.length - 1]);
    }

    @Override
    public Path getParent() {
        String[] n = names();
        if (n.length == 0 || (n.length == 1 && !isAbsolute())) {
            return null;
        }
        String joined = String.join("/", Arrays.copyOf(n, n.length - 1));
        return of(isAbsolute() ? "/" + joined : joined);
    }

    @Override
    public int getNameCount() {
        return names().length;
    }

    @Override
    public Path getName(int index) {
        String[] n = names();
        if (index < 0 || index >= n.length) {
            throw new IllegalArgumentException("no name " + index + " in " + this);
        }
        return of(n[index]);
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        String[] n = names();
        if (beginIndex < 0 || endIndex > n.length || beginIndex >= endIndex) {
            throw new IllegalArgumentException("no names " + beginIndex + ".." + endIndex + " in " + this);
        }
        return of(String.join("/", Arrays.copyOfRange(n, beginIndex, endIndex)));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof HadoopPath h) || h.fs != fs || h.isAbsolute() != isAbsolute()) {
            return false;
        }
        String[] a = names();
        String[] b = h.names();
        if (b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof HadoopPath h) || h.fs != fs) {
            return false;
        }
        if (h.isAbsolute()) {
            return equals(h);
        }
        String[] a = names();
        String[] b = h.names();
        if (b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (!a[a.length - b.length + i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names()) {
            if (n.equals(".") || n.isEmpty()) {
                continue;
            }
            if (n.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                    continue;
                }
                if (isAbsolute()) {
                    continue; // above the root is the root
                }
            }
            out.add(n);
        }
        String joined = String.join("/", out);
        return of(isAbsolute() ? "/" + joined : joined);
    }

    @Override
    public Path resolve(Path other) {
        HadoopPath o = check(other);
        if (o.isAbsolute()) {
            return o;
        }
        if (o.path.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return o;
        }
        return of(path.equals("/") ? "/" + o.path : path + "/" + o.path);
    }

    @Override
    public Path relativize(Path other) {
        HadoopPath o = check(other);
        if (o.isAbsolute() != isAbsolute()) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        String[] a = path.isEmpty() ? new String[0] : names();
        String[] b = o.path.isEmpty() ? new String[0] : o.names();
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < a.length; i++) {
            out.add("..");
        }
        out.addAll(Arrays.asList(b).subList(common, b.length));
        return of(String.join("/", out));
    }

    @Override
    public URI toUri() {
        try {
            URI root = fs.root();
            return new URI(root.getScheme(), root.getAuthority(), ((HadoopPath) toAbsolutePath()).path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for " + path, e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return isAbsolute() ? this : of("/").resolve(this);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        Path real = toAbsolutePath().normalize();
        real.getFileSystem().provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching " + this);
    }

    @Override
    public int compareTo(Path other) {
        return path.compareTo(check(other).path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopPath h && h.fs == fs && h.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + fs.hashCode();
    }

    /** The full URI text of an absolute path ({@code hdfs://namenode:8020/cdr/work}); a relative path as it is. */
    @Override
    public String toString() {
        return isAbsolute() ? fs.prefix() + path : path;
    }
}
