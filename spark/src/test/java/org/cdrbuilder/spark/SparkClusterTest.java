package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.core.io.FileTrees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path of a real cluster: Spark's {@code local-cluster} master runs a master and a worker in this JVM and the
 * executor in a JVM of its own, which gets the units as serialized tasks, rebuilds the build's context from the
 * {@link ExecutorSpec} and loads its artifacts itself.
 */
class SparkClusterTest {
    @TempDir
    static Path tmp;
    static JavaSparkContext spark;
    static Path sparkHome;

    @BeforeAll
    static void start() throws IOException {
        sparkHome = Path.of(System.getenv("SPARK_HOME")); // set by the pom for this test: an empty Spark home
        Files.createDirectories(sparkHome.resolve("jars"));
        FileTrees.deleteTree(sparkHome.resolve("work")); // executor logs of earlier runs
        spark = new JavaSparkContext(SampleBuilds.loopback("local-cluster[1,2,1536]", "SparkClusterTest")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path")));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void executorInItsOwnJvm_publishesTheSameReleaseAsTheLocalEngine() throws Exception {
        Path dir = tmp.resolve("cluster");
        CliRun run = SampleBuilds.build(dir, "--engine", "spark");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("spark engine: master local-cluster[1,2,1536]");
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), dir);
        // the units ran in the executor's JVM: its log (in the worker's folder) has the tasks
        String executor = executorLog();
        assertThat(executor).contains("Running task").contains("Finished task");
        // the artifacts the driver loaded went there as broadcast variables, the mapping store too (no network here)
        for (String artifact : List.of("vocabulary-index", "registry", "participant-keys", "id-plan", "site-labels")) {
            assertThat(run.output()).contains(artifact + ": broadcast to executors in");
            assertThat(executor).contains(artifact + ": received by broadcast");
        }
    }

    private String executorLog() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(sparkHome.resolve("work"))) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }
}
