package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-submit} with the application jar, as on a cluster: Spark's own launcher
 * ({@code org.apache.spark.deploy.SparkSubmit}, what the {@code spark-submit} script runs) in a JVM of its own, the
 * master given to spark-submit rather than to {@code cdr}, and this module's classes only in the application jar
 * (loaded by spark-submit's class loader, not the system one), the way {@code --jars}/{@code --class} deliver them.
 */
class SparkSubmitTest {
    @TempDir
    static Path tmp;

    @Test
    void sparkSubmit_withTheApplicationJar_publishesTheSameReleaseAsTheLocalEngine() throws Exception {
        Path classes = Path.of(SparkCdr.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path appJar = jar(classes, tmp.resolve("cdr-spark-app.jar"));
        List<String> classPath = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (!p.equals(classes.toAbsolutePath().normalize()) && !e.contains("test-classes")) {
                classPath.add(e); // the cluster's jars and the application's dependencies (--jars)
            }
        }
        Path dir = tmp.resolve("submitted");
        Path repo = TestFiles.repoRoot();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-Xmx1536m", "-D" + SparkEngine.ISOLATE_EXECUTORS + "=true",
                "-cp", String.join(java.io.File.pathSeparator, classPath),
                "org.apache.spark.deploy.SparkSubmit", "--class", "org.cdrbuilder.spark.SparkCdr",
                "--master", "local[2]", "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                appJar.toString(),
                "build", "--config", repo.resolve("config/release.yaml").toString(), "--engine", "spark",
                "--drop", repo.resolve("sample-data/drop").toUri().toString(),
                "--releases", dir.resolve("releases").toString(), "--work", dir.resolve("work").toString(),
                "--private", dir.resolve("private").toString(), "--progress-interval", "0"));
        Path log = tmp.resolve("spark-submit.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        // the master is spark-submit's; the engine and the storage resolver were found through its class loader
        assertThat(out).contains("spark engine: master local[2]").contains("vocabulary-index: received by broadcast")
                .contains("build v1 ended COMPLETED");
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), dir);
    }

    /** The classes of this module as an application jar (what {@code spark/target/cdr-spark.jar} holds). */
    private static Path jar(Path classes, Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        assertThat(jar).isNotEmptyFile();
        return jar;
    }
}
