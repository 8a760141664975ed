package org.cdrbuilder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.app.batch.BuildLocks;
import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.InjectedFaultException;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that must surface early and as the right kind: preflight (exit 2 before any work), unusable inputs (3),
 * bugs (1, never "run again"), environment failures (4, resumable), and inputs that once crashed a build.
 */
class ReliabilityTest {
    @TempDir
    Path tmp;

    private static CliRun cdr(String... args) {
        return CliRun.of(args);
    }

    @Test
    void releasesPathThatCannotBeWritten_failsUpFrontWithExit2_beforeAnyWork() throws Exception {
        MiniDrop.settings(tmp);
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        CliRun r = cdr("build", "--config", tmp.resolve("config/release.yaml").toString(), "--releases",
                file.resolve("releases").toString(), "--progress-interval", "0");
        assertThat(r.code()).as(r.output()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.output()).contains("cannot be written").contains(file.resolve("releases").toString());
        assertThat(tmp.resolve("work/v1/ingest")).doesNotExist();
    }

    @Test
    void aSecondBuildSharingThePrivateDirectory_isRefusedAtOnce_withAPlainMessage() {
        BuildSettings s = MiniDrop.settings(tmp);
        try (BuildLocks held = BuildLocks.acquire(s)) {
            CliRun r = cdr("build", "--config", tmp.resolve("config/release.yaml").toString(), "--work",
                    tmp.resolve("other-work").toString(), "--progress-interval", "0");
            assertThat(r.code()).as(r.output()).isEqualTo(ExitCodes.BAD_CONFIG);
            assertThat(r.output()).contains("another build").doesNotContain("Database may be already in use");
            assertThat(tmp.resolve("other-work/v1/ingest")).doesNotExist();
        }
    }

    @Test
    void headerOnlyRegistry_isRejectedByBuildAsByValidate_andNothingIsPublished() throws Exception {
        MiniDrop.settings(tmp);
        Files.writeString(tmp.resolve("drop/participants/participants.csv"), MiniDrop.REGISTRY_HEADER + "\n");
        CliRun validate = cdr("validate", "--config", tmp.resolve("config/release.yaml").toString());
        CliRun build = cdr("build", "--config", tmp.resolve("config/release.yaml").toString(), "--progress-interval", "0");
        assertThat(validate.code()).isEqualTo(ExitCodes.INPUTS_REJECTED);
        assertThat(build.code()).as(build.output()).isEqualTo(ExitCodes.INPUTS_REJECTED);
        assertThat(build.output()).contains("participants/participants.csv has a header but no participant rows");
        assertThat(tmp.resolve("releases/v1")).doesNotExist();
        assertThat(tmp.resolve("releases/latest.json")).doesNotExist();
    }

    @Test
    void emptyAndHeaderOnlySiteFiles_andAnImpossibleSubmission_doNotStopTheBuild() throws Exception {
        MiniDrop.settings(tmp);
        Path site = tmp.resolve("drop/ehr/site_a/2024-01-01-v2");
        Files.write(site.resolve("death.csv"), new byte[0]);
        Files.writeString(site.resolve("procedure_occurrence.csv"), "procedure_occurrence_id,person_id,"
                + "procedure_concept_id,procedure_date,procedure_type_concept_id\n");
        Path impossible = tmp.resolve("drop/ehr/site_a/2026-13-45-v1");
        Files.createDirectories(impossible);
        Files.writeString(impossible.resolve("person.csv"), "person_id,gender_concept_id,year_of_birth,"
                + "race_concept_id,ethnicity_concept_id\n1001,8532,1970,0,0\n");
        // one stray quote, then a good condition: the quote costs its own line only
        Files.writeString(site.resolve("condition_occurrence.csv"), "7,1001,320128,2020-03-03,,,32817,,\"I10,,\n"
                + "8,1001,320128,2020-04-04,,,32817,,I10,,\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun r = cdr("build", "--config", tmp.resolve("config/release.yaml").toString(), "--progress-interval", "0");
        assertThat(r.code()).as(r.output()).isZero();
        try (Duck duck = new Duck()) {
            // the real submission was read: its two conditions are published, and the one after the stray quote
            assertThat(duck.rows("select condition_start_date::varchar from '"
                    + tmp.resolve("releases/v1/controlled/omop/condition_occurrence") + "/*.parquet' order by 1"))
                    .containsExactly(List.of("2019-12-01"), List.of("2020-01-10"), List.of("2020-04-04"));
        }
        String validation = Files.readString(tmp.resolve("releases/v1/controlled/qa/input-validation.json"));
        assertThat(validation).contains("empty file (no header row), skipped")
                .contains("submission folder date is not a real calendar date")
                .contains("unbalanced quote: the quoted field opened on this line does not close on it");
        String ledger = Files.readString(tmp.resolve("releases/v1/controlled/qa/ledger.json"));
        assertThat(ledger).contains("\"reconciled\" : true").doesNotContain("\"reconciled\" : false");
    }

    @Test
    void exitCodes_bugsAre1_environmentFailuresAre4_knownCausesKeepTheirCode() {
        Exception wrapper = new org.springframework.batch.core.job.JobInterruptedException("partition failed");
        assertThat(Cdr.exitCodeOf(List.of(new NullPointerException("a bug")))).isEqualTo(ExitCodes.INTERNAL);
        assertThat(Cdr.exitCodeOf(List.of(wrapper, new ClassCastException("a bug")))).isEqualTo(ExitCodes.INTERNAL);
        assertThat(Cdr.exitCodeOf(List.of(wrapper, new java.io.UncheckedIOException(new java.io.IOException("No space left on device")))))
                .isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(Cdr.exitCodeOf(List.of(new InjectedFaultException("injected")))).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(Cdr.exitCodeOf(List.of(new org.cdrbuilder.steps.qa.QaGateFailedException("gate"))))
                .isEqualTo(ExitCodes.QA_FAILED);
        assertThat(Summary.hint(ExitCodes.INTERNAL)).contains("bug").doesNotContain("resume");
        assertThat(Summary.hint(ExitCodes.QA_FAILED)).contains("--accept-failed-qa").doesNotContain("resume");
        assertThat(Summary.hint(ExitCodes.JOB_FAILED)).contains("resume");
    }
}
