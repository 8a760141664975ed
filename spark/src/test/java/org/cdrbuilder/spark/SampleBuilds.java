package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds of {@code sample-data/} with the default configuration: the default engine's, made once per test JVM (the
 * reference the Spark builds are compared with), and any other into a given folder.
 */
final class SampleBuilds {
    static final List<String> TIERS = List.of("registered", "controlled");
    private static Path reference;

    private SampleBuilds() {
    }

    /** The folder of the default engine's build (releases/, work/, private/), deleted when the JVM ends. */
    static synchronized Path reference() {
        if (reference == null) {
            try {
                Path dir = Files.createTempDirectory("cdr-spark-reference-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteTree(dir)));
                CliRun local = build(dir, "--engine", "local");
                assertThat(local.code()).as(local.output()).isZero();
                reference = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /** A Spark configuration for tests: the master, the driver on the loopback address, no UI. */
    static org.apache.spark.SparkConf loopback(String master, String app) {
        return new org.apache.spark.SparkConf().setMaster(master).setAppName(app)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false");
    }

    /** {@code cdr build} of the sample drop into {@code dir}'s releases, work and private directories. */
    static CliRun build(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--config",
                TestFiles.repoRoot().resolve("config/release.yaml").toString(),
                "--releases", dir.resolve("releases").toString(), "--work", dir.resolve("work").toString(),
                "--private", dir.resolve("private").toString(), "--progress-interval", "0"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    /** Copies the sample drop and vocabulary to {@code root}/in/ on a Hadoop file system, with Hadoop's own client. */
    static void upload(org.apache.hadoop.fs.FileSystem fs, String root) throws IOException {
        Path repo = TestFiles.repoRoot();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(repo.resolve("sample-data/drop").toUri()),
                new org.apache.hadoop.fs.Path(root + "/in/drop"));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(repo.resolve("sample-data/vocabulary").toUri()),
                new org.apache.hadoop.fs.Path(root + "/in/vocabulary"));
    }

    /**
     * {@code cdr build --engine spark} on {@code local[2]} of what {@link #upload} put under {@code root}, into
     * {@code root + out}'s releases and private directories and the work directory {@code work}.
     */
    static CliRun buildOn(String root, String out, String work, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--config",
                TestFiles.repoRoot().resolve("config/release.yaml").toString(),
                "--drop", root + "/in/drop", "--vocabulary", root + "/in/vocabulary",
                "--releases", root + out + "/releases", "--work", work, "--private", root + out + "/private",
                "--progress-interval", "0", "--engine", "spark", "--spark-master", "local[2]"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    /** Copies a directory of a Hadoop file system to a local one with Hadoop's client (no checksum files). */
    static Path fetch(org.apache.hadoop.fs.FileSystem fs, String dir, Path local) throws IOException {
        Files.createDirectories(local.getParent());
        fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(dir), new org.apache.hadoop.fs.Path(local.toUri()), true);
        return local;
    }

    /**
     * Both tiers: the manifests list the same tables with the same row counts and the same files with the same
     * sha256, and every published Parquet file is byte-identical.
     */
    static void assertSameRelease(Path expectedRoot, Path actualRoot) throws IOException {
        for (String tier : TIERS) {
            Path expected = expectedRoot.resolve("releases/v1").resolve(tier);
            Path actual = actualRoot.resolve("releases/v1").resolve(tier);
            Map<String, JsonNode> a = tables(expected);
            Map<String, JsonNode> b = tables(actual);
            assertThat(b.keySet()).as(tier + " tables").isEqualTo(a.keySet());
            assertThat(a).as(tier).containsKeys("person", "condition_occurrence", "measurement");
            for (String t : a.keySet()) {
                assertThat(b.get(t).get("row_count").asLong()).as(tier + " " + t + " rows")
                        .isEqualTo(a.get(t).get("row_count").asLong());
                assertThat(b.get(t).get("files")).as(tier + " " + t + " files and sha256").isEqualTo(a.get(t).get("files"));
            }
            List<Path> files = parquet(expected);
            assertThat(files).isNotEmpty();
            assertThat(parquet(actual).stream().map(actual::relativize).toList())
                    .isEqualTo(files.stream().map(expected::relativize).toList());
            for (Path f : files) {
                assertThat(Files.readAllBytes(actual.resolve(expected.relativize(f)))).as(tier + " " + expected.relativize(f))
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    static Map<String, JsonNode> tables(Path tierDir) throws IOException {
        JsonNode m = WorkLayout.JSON.readTree(tierDir.resolve("manifest.json").toFile());
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.get("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static List<Path> parquet(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
