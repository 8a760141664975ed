package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdr build} through the command line and the Spring Batch job with the embedded HSQLDB job repository. */
class CliBuildTest {

    @Test
    void build_publishesRelease_refusesToOverwrite_andReplacesWhenAsked(@TempDir Path tmp) throws Exception {
        MiniDrop.settings(tmp);
        String config = tmp.resolve("config/release.yaml").toString();

        assertThat(Cdr.execute("build", "--config", config, "--progress-interval", "0")).isZero();
        Path release = tmp.resolve("releases/v1/controlled");
        assertThat(release.resolve("manifest.json")).isRegularFile();
        assertThat(tmp.resolve("work/logs")).isDirectoryContaining("glob:**/v1-*.log");
        try (Duck duck = new Duck()) {
            assertThat(duck.count("select count(*) from '" + release + "/omop/condition_occurrence/*.parquet'")).isEqualTo(2);
        }
        assertThat(tmp.resolve("releases/latest.json")).content().contains("\"controlled\" : \"v1\"");

        assertThat(Cdr.execute("build", "--config", config, "--progress-interval", "0")).isEqualTo(2);
        // a process stopped after its job completed but before it reported: the same command finds nothing to do
        java.nio.file.Files.delete(tmp.resolve("work/v1/state/finished.txt"));
        assertThat(Cdr.execute("build", "--config", config, "--progress-interval", "0")).isZero();
        assertThat(Cdr.execute("build", "--config", config, "--progress-interval", "0")).isEqualTo(2);
        assertThat(Cdr.execute("build", "--config", config, "--progress-interval", "0", "--replace")).isZero();
        assertThat(release.resolve("manifest.json")).isRegularFile();
        assertThat(release.getParent()).isDirectoryNotContaining("glob:**/.controlled.*");
    }

    @Test
    void missingRegistry_isRejectedWithExitCode3(@TempDir Path tmp) throws Exception {
        Path drop = MiniDrop.drop(tmp.resolve("drop"));
        Files.delete(drop.resolve("participants/participants.csv"));
        TestSettings.of(tmp, drop, MiniDrop.vocabulary(tmp.resolve("vocab")));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString())).isEqualTo(3);
        assertThat(tmp.resolve("releases/v1")).doesNotExist();
    }

    @Test
    void badArguments_exitWith2(@TempDir Path tmp) {
        MiniDrop.settings(tmp);
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--release-version", "version-one")).isEqualTo(2);
        assertThat(Cdr.execute("build", "--no-such-flag")).isEqualTo(2);
        assertThat(Cdr.execute("build", "--config", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
    }

    @Test
    void validate_reportsQuarantinedRowsAndIgnoredFiles(@TempDir Path tmp) {
        MiniDrop.settings(tmp);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true));
        int code;
        try {
            code = Cdr.execute("validate", "--config", tmp.resolve("config/release.yaml").toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertThat(code).isZero();
        assertThat(out).contains("condition_start_date: not a valid calendar date")
                .contains("ehr/site_a/2024-01-01-v2/condition_occurrence.csv")
                .contains("superseded by a later submission");
        assertThat(tmp.resolve("releases")).doesNotExist();
        // the registry's malformed id is reported by field and reason, and no registry value reaches the output
        assertThat(out).contains("participant_id: not a participant id");
        assertThat(List.of("X12", "Alice", "Zebulon", "alice@example.org", "555-0101", "1 Main St", "1970-03-04"))
                .allSatisfy(value -> assertThat(out).doesNotContain(value));
    }
}
