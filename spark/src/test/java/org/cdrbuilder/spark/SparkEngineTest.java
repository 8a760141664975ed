package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code cdr build --engine spark --spark-master local[2]} of {@code sample-data/} against the default engine's build
 * of the same drop. Spark starts once for the class; every build uses that context.
 */
class SparkEngineTest {
    @TempDir
    static Path tmp;
    static JavaSparkContext spark;
    static Path reference;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(SampleBuilds.loopback("local[2]", "SparkEngineTest"));
        reference = SampleBuilds.reference();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("cdr.fault");
        System.clearProperty(SparkEngine.ISOLATE_EXECUTORS);
    }

    static CliRun build(Path dir, String... more) {
        return SampleBuilds.build(dir, more);
    }

    static void assertSameRelease(Path expected, Path actual) throws IOException {
        SampleBuilds.assertSameRelease(expected, actual);
    }

    static Map<String, JsonNode> tables(Path tierDir) throws IOException {
        return SampleBuilds.tables(tierDir);
    }

    @Test
    void sparkBuild_publishesTheSameReleaseAsTheLocalEngine_bothTiers() throws Exception {
        Path dir = tmp.resolve("spark");
        CliRun run = build(dir, "--engine", "spark", "--spark-master", "local[2]");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("spark engine: master local[2]");
        assertSameRelease(reference, dir);
        // the release is what it says: DuckDB counts the manifest's rows in the Spark-built Parquet
        Path controlled = dir.resolve("releases/v1/controlled");
        long persons = tables(controlled).get("person").get("row_count").asLong();
        assertThat(persons).isPositive();
        try (Duck duck = new Duck()) {
            assertThat(duck.count("select count(*) from '" + controlled.resolve("omop/person") + "/*.parquet'"))
                    .isEqualTo(persons);
        }
    }

    @Test
    void everyPathAsFileUri_executorsRebuildTheirContext_sameRelease() throws Exception {
        System.setProperty(SparkEngine.ISOLATE_EXECUTORS, "true"); // the path a cluster executor takes
        Path dir = tmp.resolve("uris");
        Path repo = TestFiles.repoRoot();
        CliRun run = CliRun.of("build", "--config", repo.resolve("config/release.yaml").toString(),
                "--drop", repo.resolve("sample-data/drop").toUri().toString(),
                "--vocabulary", repo.resolve("sample-data/vocabulary").toUri().toString(),
                "--releases", dir.resolve("releases").toUri().toString(),
                "--work", dir.resolve("work").toUri().toString(),
                "--private", dir.resolve("private").toUri().toString(),
                "--progress-interval", "1", "--engine", "spark", "--spark-master", "local[2]");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(dir.resolve("releases/v1/controlled/manifest.json")).isRegularFile();
        assertThat(dir.resolve("work/v1/state").resolve(SparkWorkState.FILE)).isRegularFile();
        assertSameRelease(reference, dir);
        // the executors' contexts took the driver's artifacts from broadcasts instead of loading them
        assertThat(run.output()).contains("vocabulary-index: broadcast to executors in")
                .contains("vocabulary-index: received by broadcast").contains("registry: received by broadcast")
                .contains("participant-keys: received by broadcast");
        // the executors count units into their own contexts; the driver's progress line counts their tasks
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\S+\\s+(\\d+)/(\\d+) units")
                .matcher(run.output());
        int lines = 0;
        int counted = 0;
        while (m.find()) {
            lines++;
            int done = Integer.parseInt(m.group(1));
            assertThat(done).isLessThanOrEqualTo(Integer.parseInt(m.group(2)));
            counted += done > 0 ? 1 : 0;
        }
        assertThat(lines).as(run.output()).isPositive();
        assertThat(counted).as("progress lines with units done").isPositive();
    }

    @Test
    void theMappingStore_isBroadcastOnlyWithoutANetworkOrOverAnEncryptedOne() {
        assertThat(StageBroadcasts.maySendSecrets(new SparkConf().setMaster("local[2]"))).isTrue();
        assertThat(StageBroadcasts.maySendSecrets(new SparkConf().setMaster("local-cluster[1,2,1024]"))).isTrue();
        assertThat(StageBroadcasts.maySendSecrets(new SparkConf().setMaster("spark://master:7077"))).isFalse();
        assertThat(StageBroadcasts.maySendSecrets(new SparkConf().setMaster("yarn"))).isFalse();
        assertThat(StageBroadcasts.maySendSecrets(new SparkConf().setMaster("yarn")
                .set("spark.network.crypto.enabled", "true"))).isTrue();
    }

    @Test
    void fileSystemsHadoopDoesNotKnow_areRefusedNamingTheOption() {
        Path dir = tmp.resolve("unknown-scheme");
        CliRun run = build(dir, "--engine", "spark", "--drop", "nofs://namenode:8020/drops/2026-10");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("--drop").contains("nofs:// is not supported");
        assertThat(build(dir, "--engine", "spark", "--work", "gopher://bucket/work").output()).contains("--work")
                .contains("gopher:// is not supported");
        assertThat(dir.resolve("releases")).doesNotExist();
    }

    @Test
    void faultInAStage_failsThenTheSameCommandResumes_withoutRedoingFinishedUnits() throws Exception {
        Path dir = tmp.resolve("restart");
        String failing = lastUnit(reference.resolve("work/v1"), "harmonize");
        System.setProperty("cdr.fault", "harmonize:" + failing + ":0:fail");
        CliRun failed = build(dir, "--engine", "spark", "--spark-master", "local[2]");
        assertThat(failed.code()).as(failed.output()).isEqualTo(4);
        assertThat(failed.output()).contains("injected fault in harmonize unit " + failing);
        assertThat(dir.resolve("releases/v1")).doesNotExist();
        Path work = dir.resolve("work/v1");
        assertThat(work.resolve("state/stages/ingest.completed")).isRegularFile();
        assertThat(work.resolve("state/stages/harmonize.completed")).doesNotExist();
        assertThat(work.resolve("harmonize/units/" + failing + ".json")).doesNotExist();
        Map<Path, FileTime> before = reports(work, "vocabulary", "ingest", "harmonize");
        assertThat(before.keySet()).anyMatch(p -> p.startsWith(work.resolve("ingest")));
        FileTime ingestCompleted = Files.getLastModifiedTime(work.resolve("state/stages/ingest.completed"));
        System.clearProperty("cdr.fault");

        Thread.sleep(20); // a unit run again would have a later modification time
        CliRun resumed = build(dir, "--engine", "spark", "--spark-master", "local[2]");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming v1").contains("ingest: completed by an earlier run; skipped");
        Map<Path, FileTime> after = reports(work, "vocabulary", "ingest", "harmonize");
        for (Map.Entry<Path, FileTime> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as("report of a unit finished before the failure: " + e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(after).containsKey(work.resolve("harmonize/units/" + failing + ".json"));
        assertThat(Files.getLastModifiedTime(work.resolve("state/stages/ingest.completed"))).isEqualTo(ingestCompleted);
        assertSameRelease(reference, dir);

        // finished: the same command is refused; --replace starts over and publishes the same release again
        assertThat(build(dir, "--engine", "spark", "--spark-master", "local[2]").code()).isEqualTo(2);
        CliRun replaced = build(dir, "--engine", "spark", "--spark-master", "local[2]", "--replace");
        assertThat(replaced.code()).as(replaced.output()).isZero();
        assertThat(replaced.output()).contains("starting a new build of v1");
        assertThat(Files.getLastModifiedTime(work.resolve("state/stages/ingest.completed"))).isGreaterThan(ingestCompleted);
        assertSameRelease(reference, dir);
    }

    /** The unit of a stage that sorts last (in the reference build's work directory). */
    private static String lastUnit(Path work, String stage) throws IOException {
        try (Stream<Path> s = Files.list(work.resolve(stage).resolve("units"))) {
            List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertThat(ids).hasSizeGreaterThan(2);
            return ids.get(ids.size() - 1);
        }
    }

    private static Map<Path, FileTime> reports(Path work, String... stages) throws IOException {
        Map<Path, FileTime> out = new TreeMap<>();
        for (String stage : stages) {
            Path units = work.resolve(stage).resolve("units");
            if (!Files.isDirectory(units)) {
                continue;
            }
            try (Stream<Path> s = Files.list(units)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                    out.put(p, Files.getLastModifiedTime(p));
                }
            }
        }
        return out;
    }
}
