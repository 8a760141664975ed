package org.cdrbuilder.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers for tests that write input files. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes lines (joined with LF, trailing LF) to {@code file}, creating parent folders. */
    public static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, List<String> lines) {
        return write(file, lines.toArray(new String[0]));
    }

    /** The repository root (tests run with the module directory as working directory). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("config").resolve("release.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The shared external fixtures, or null when absent (tests must then skip visibly). */
    public static Path sharedTestdata() {
        Path p = repoRoot().resolve("..").resolve("shared").resolve("testdata").normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** Copies the tree {@code from} to {@code to}, file by file (real copies: the test may change them). */
    public static void copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
