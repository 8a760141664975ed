package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that fails or is killed in the middle of a step resumes and ends with the release an uninterrupted build makes. */
class RestartTest {

    @AfterEach
    void clearFault() {
        System.clearProperty("cdr.fault");
    }

    private static Path setUp(Path tmp) {
        MiniDrop.settings(tmp);
        return tmp.resolve("config/release.yaml");
    }

    @Test
    void failedUnit_thenSameCommand_resumesAndMatchesUninterruptedBuild(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        assertThat(Cdr.execute("build", "--config", setUp(reference).toString(), "--progress-interval", "0")).isZero();

        Path crashed = tmp.resolve("crashed");
        Path config = setUp(crashed);
        System.setProperty("cdr.fault", "harmonize:ehr.site_a.visit_occurrence:0:fail");
        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0")).isEqualTo(4);
        assertThat(crashed.resolve("releases/v1/controlled")).doesNotExist();
        // units of the failed step that finished are kept; ingest is complete
        assertThat(crashed.resolve("work/v1/harmonize/units")).isDirectoryContaining("glob:**/ehr.site_a.condition_occurrence.json");
        System.clearProperty("cdr.fault");

        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0")).isZero();
        assertSameRelease(reference.resolve("releases/v1/controlled"), crashed.resolve("releases/v1/controlled"));
    }

    @Test
    void killedProcess_thenSameCommand_resumes(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        assertThat(Cdr.execute("build", "--config", setUp(reference).toString(), "--progress-interval", "0")).isZero();

        Path killed = tmp.resolve("killed");
        Path config = setUp(killed);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcdr.fault=harmonize:ehr.site_a.visit_occurrence:0:halt",
                "org.cdrbuilder.app.cli.Cdr", "build", "--config", config.toString(), "--progress-interval", "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(killed.resolve("killed-run.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(killed.resolve("killed-run.txt"))).isEqualTo(137);
        assertThat(killed.resolve("releases/v1/controlled")).doesNotExist();

        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0")).isZero();
        assertSameRelease(reference.resolve("releases/v1/controlled"), killed.resolve("releases/v1/controlled"));
    }

    /** Same tables, same per-table digest of sorted rows, and byte-identical Parquet files. */
    static void assertSameRelease(Path expected, Path actual) throws Exception {
        Map<String, String> a = digests(expected);
        Map<String, String> b = digests(actual);
        assertThat(b).isEqualTo(a);
        assertThat(a).containsKey("omop/condition_occurrence");
        for (Path f : parquetFiles(expected)) {
            Path other = actual.resolve(expected.relativize(f));
            assertThat(Files.readAllBytes(other)).as(expected.relativize(f).toString()).isEqualTo(Files.readAllBytes(f));
        }
    }

    static Map<String, String> digests(Path release) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Duck duck = new Duck(); Stream<Path> dirs = Files.walk(release, 2)) {
            for (Path d : dirs.filter(x -> Files.isDirectory(x) && release.relativize(x).getNameCount() == 2).toList()) {
                String glob = d + File.separator + "*.parquet";
                Object digest = duck.value("select md5(coalesce(string_agg(r, '\\n' order by r), '')) from "
                        + "(select cast(t as varchar) as r from '" + glob + "' t)");
                out.put(release.relativize(d).toString(), String.valueOf(digest));
            }
        }
        return out;
    }

    static List<Path> parquetFiles(Path release) throws Exception {
        try (Stream<Path> s = Files.walk(release)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
