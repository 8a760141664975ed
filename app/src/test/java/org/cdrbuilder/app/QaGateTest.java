package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.app.cli.ExitCodes;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.testing.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication gate end to end: with a QA configuration that makes a planted problem fatal, the build stops with
 * exit code 5 and publishes nothing; the same command with {@code --accept-failed-qa} publishes and records why.
 * {@code cdr qa} re-checks published releases and exits 5 on a fatal failure.
 */
class QaGateTest {
    static final String REASON = "visit dates of site 2 under review (ticket QA-17)";

    @TempDir
    static Path tmp;
    static Path strictConfig;
    static Path strictQa;
    static int blockedExit;
    static String blockedOutput;
    static Path release;
    static QaReport blockedReport;
    static boolean publishedWhenBlocked;
    static int acceptedExit;

    @BeforeAll
    static void build() throws Exception {
        assertThat(Cdr.execute("generate", "--participants", "150", "--seed", "11", "--fitbit-days", "1", "--out",
                tmp.resolve("gen").toString())).isZero();
        TestSettings.of(tmp, tmp.resolve("gen/drop"), tmp.resolve("gen/vocabulary"));
        strictQa = tmp.resolve("qa-strict");
        Files.createDirectories(strictQa);
        try (Stream<Path> s = Files.list(TestFiles.repoRoot().resolve("config/qa"))) {
            for (Path f : s.toList()) {
                Files.copy(f, strictQa.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(strictQa.resolve("thresholds.csv"),
                "withinVisitDates,condition_occurrence,,,,fatal,0,conditions must fall within their visits here\n",
                StandardOpenOption.APPEND);
        strictConfig = tmp.resolve("config/release.yaml");
        List<String> lines = Files.readAllLines(strictConfig).stream()
                .map(l -> l.startsWith("qa:") ? "qa: " + strictQa : l).toList();
        Files.write(strictConfig, lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            blockedExit = Cdr.execute("build", "--config", strictConfig.toString(), "--progress-interval", "0");
        } finally {
            System.setOut(old);
        }
        blockedOutput = out.toString(StandardCharsets.UTF_8);
        release = tmp.resolve("releases/v1/controlled");
        blockedReport = WorkLayout.readJson(tmp.resolve("work/v1/state/qa/controlled/report.json"), QaReport.class);
        publishedWhenBlocked = Files.exists(release);
        // the same command with a recorded reason resumes and publishes
        acceptedExit = Cdr.execute("build", "--config", strictConfig.toString(), "--progress-interval", "0",
                "--accept-failed-qa", REASON);
    }

    @Test
    void aFailedFatalCheck_blocksPublication_withExitCode5AndTheCheckNamed() {
        assertThat(blockedExit).isEqualTo(ExitCodes.QA_FAILED);
        assertThat(blockedOutput).contains("QaGateFailedException").contains("blocked")
                .contains("withinVisitDates condition_occurrence.condition_start_date");
        assertThat(blockedReport.gate.status).isEqualTo("blocked");
        assertThat(blockedReport.gate.failedFatalChecks).singleElement().asString()
                .startsWith("withinVisitDates condition_occurrence.condition_start_date");
        assertThat(publishedWhenBlocked).as("nothing published").isFalse();
    }

    @Test
    void acceptingTheFailures_publishes_andRecordsTheReason() {
        assertThat(acceptedExit).isZero();
        assertThat(release.resolve("manifest.json")).content().contains("\"accepted_failed_qa\" : \"" + REASON + "\"");
        QaReport published = WorkLayout.readJson(release.resolve("qa/report.json"), QaReport.class);
        assertThat(published.gate.status).isEqualTo("accepted");
        assertThat(published.gate.acceptedReason).isEqualTo(REASON);
        assertThat(release.resolve("qa/report.html")).content().contains("Publication gate: ACCEPTED").contains(REASON);
    }

    @Test
    void cdrQa_rechecksAPublishedRelease_andExits5WhenAFatalCheckFails() throws Exception {
        Path out = tmp.resolve("qa-default");
        assertThat(Cdr.execute("qa", release.toString(), "--config", strictConfig.toString(), "--qa-config",
                TestFiles.repoRoot().resolve("config/qa").toString(), "--out", out.toString())).isZero();
        QaReport again = WorkLayout.readJson(out.resolve("report.json"), QaReport.class);
        QaReport built = WorkLayout.readJson(release.resolve("qa/report.json"), QaReport.class);
        assertThat(again.overview.countTotal).isEqualTo(built.overview.countTotal);
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(Cdr.execute("qa", release.toString(), "--qa-config", strictQa.toString(), "--out",
                tmp.resolve("qa-strict-out").toString())).isEqualTo(ExitCodes.QA_FAILED);

        // a copy of the release whose person table holds every person twice: duplicate keys are fatal
        Path copy = tmp.resolve("copy/v1/controlled");
        TestFiles.copyTree(release, copy);
        Path persons = copy.resolve("omop/person");
        try (Stream<Path> s = Files.list(persons)) {
            Path part = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.copy(part, persons.resolve("part-99999.parquet"));
        }
        Path dupOut = tmp.resolve("qa-dup");
        assertThat(Cdr.execute("qa", copy.toString(), "--qa-config", TestFiles.repoRoot().resolve("config/qa").toString(),
                "--out", dupOut.toString())).isEqualTo(ExitCodes.QA_FAILED);
        QaReport dup = WorkLayout.readJson(dupOut.resolve("report.json"), QaReport.class);
        assertThat(dup.gate.failedFatalChecks).anySatisfy(c -> assertThat(c).startsWith("isPrimaryKey person.person_id"));
    }

}
