package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.testing.TestFiles;

/**
 * The README's main command, {@code cdr build} of {@code sample-data/} with the default configuration, run once per
 * test JVM into a temporary folder (deleted when the JVM ends) for the tests that only read its release. A test that
 * changes a release works on a copy ({@link TestFiles#copyTree}).
 */
final class SampleRelease {
    private static Path root;

    private SampleRelease() {
    }

    /** The folder holding {@code releases/}, {@code work/} and {@code private/} of the sample build. */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("cdr-sample-release-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteTree(dir)));
                Path repo = TestFiles.repoRoot();
                int code = Cdr.execute("build", "--config", repo.resolve("config/release.yaml").toString(),
                        "--releases", dir.resolve("releases").toString(), "--work", dir.resolve("work").toString(),
                        "--private", dir.resolve("private").toString(), "--progress-interval", "0");
                assertThat(code).as("sample build").isZero();
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path releases() {
        return root().resolve("releases");
    }

    /** {@code releases/v1/<tier>} of the sample build. */
    static Path tier(String tier) {
        return releases().resolve("v1").resolve(tier);
    }
}
