package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.generator.Planted;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA of generated drops built end to end: a drop with planted problems (v1) and the same drop without them (v2,
 * compared with v1). The failures the planted problems add are exactly the planted ones; the clean drop passes every
 * fatal check; the HTML report renders in headless Chromium.
 */
class QaReportTest {
    @TempDir
    static Path tmp;
    static Planted planted;
    static Path config;
    static Path dirty;
    static Path clean;

    @BeforeAll
    static void build() throws Exception {
        assertThat(Cdr.execute("generate", "--participants", "300", "--seed", "7", "--fitbit-days", "2", "--out",
                tmp.resolve("gen").toString())).isZero();
        assertThat(Cdr.execute("generate", "--participants", "300", "--seed", "7", "--fitbit-days", "2", "--dirt", "none",
                "--out", tmp.resolve("gen-clean").toString())).isZero();
        planted = WorkLayout.readJson(tmp.resolve("gen/planted.json"), Planted.class);
        TestSettings.of(tmp, tmp.resolve("gen/drop"), tmp.resolve("gen/vocabulary"));
        config = tmp.resolve("config/release.yaml");
        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0")).isZero();
        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0", "--drop",
                tmp.resolve("gen-clean/drop").toString(), "--release-version", "v2")).isZero();
        dirty = tmp.resolve("releases/v1/controlled");
        clean = tmp.resolve("releases/v2/controlled");
    }

    static QaReport report(Path release) {
        return WorkLayout.readJson(release.resolve("qa/report.json"), QaReport.class);
    }

    /** A result named as planted.json names checks. */
    static String key(CheckResult r) {
        return r.checkName + " " + r.cdmTableName + (r.cdmFieldName == null ? "" : "." + r.cdmFieldName)
                + (r.conceptId == null ? "" : " concept " + r.conceptId) + (r.unitConceptId == null ? "" : " unit "
                + r.unitConceptId);
    }

    static Set<String> failed(QaReport r) {
        return r.checkResults.stream().filter(CheckResult::failedOrError).map(QaReportTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void plantedProblems_areExactlyTheFailuresTheyAddToTheSameDropWithoutThem() {
        QaReport withProblems = report(dirty);
        Map<String, CheckResult> byKey = new TreeMap<>();
        withProblems.checkResults.forEach(r -> byKey.put(key(r), r));
        Set<String> expectedFailures = new TreeSet<>();
        planted.qa.forEach((check, rows) -> {
            CheckResult r = byKey.get(check);
            assertThat(r).as(check).isNotNull();
            assertThat(r.numViolatedRows).as(check + " violated rows").isEqualTo(rows);
            if (r.pctViolatedRows * 100 > r.thresholdValue) {
                expectedFailures.add(check);
            }
        });
        assertThat(expectedFailures).as("the planted problems must make checks fail").isNotEmpty();
        Set<String> added = failed(withProblems);
        added.removeAll(failed(report(clean)));
        assertThat(added).isEqualTo(expectedFailures);
        assertThat(withProblems.gate.status).isEqualTo("passed");
    }

    @Test
    void cleanDrop_passesEveryFatalCheck_andCarriesEveryCheckType() {
        QaReport r = report(clean);
        assertThat(r.gate.status).isEqualTo("passed");
        assertThat(r.checkResults).filteredOn(x -> x.severity.equals("fatal")).hasSizeGreaterThan(300)
                .allSatisfy(x -> assertThat(x.failedOrError()).as(key(x)).isFalse())
                .anySatisfy(x -> assertThat(x.passed).isEqualTo(1));
        assertThat(r.checkResults).extracting(x -> x.checkName).contains("isRequired", "cdmDatatype", "isPrimaryKey",
                "isForeignKey", "fkDomain", "isStandardValidConcept", "standardConceptRecordCompleteness",
                "sourceConceptRecordCompleteness", "plausibleValueLow", "plausibleValueHigh", "plausibleAfterBirth",
                "plausibleBeforeDeath", "plausibleStartBeforeEnd", "withinVisitDates", "plausibleGender",
                "plausibleUnitConceptIds", "measurePersonCompleteness", "measureObservationPeriodOverlap");
        assertThat(planted.qa).isNotEmpty();
    }

    @Test
    void reportJson_hasTheDataQualityDashboardShape() throws Exception {
        var json = WorkLayout.JSON.readTree(dirty.resolve("qa/report.json").toFile());
        assertThat(json.has("CheckResults") && json.has("Metadata") && json.has("Overview") && json.has("startTimestamp")
                && json.has("endTimestamp") && json.has("executionTime")).isTrue();
        Set<String> fields = new TreeSet<>();
        json.get("CheckResults").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("checkName", "checkLevel", "checkDescription", "cdmTableName", "cdmFieldName",
                "conceptId", "unitConceptId", "category", "subcategory", "context", "numViolatedRows", "pctViolatedRows",
                "numDenominatorRows", "thresholdValue", "notesValue", "failed", "passed", "isError", "notApplicable");
        assertThat(json.at("/Metadata/0/CDM_VERSION").asText()).isEqualTo("5.4");
        assertThat(json.at("/Overview/countTotal").asLong()).isEqualTo(json.get("CheckResults").size());
        String published = Files.readString(dirty.resolve("qa/report.json"));
        assertThat(published).doesNotContain("First").doesNotContain("@example.org");
    }

    @Test
    void theSecondRelease_isComparedWithTheFirst_inTheReportAndWithCdrDiff() throws Exception {
        ReleaseComparison c = WorkLayout.readJson(clean.resolve("qa/release-comparison.json"), ReleaseComparison.class);
        assertThat(c.previous).isEqualTo("v1 (controlled)");
        assertThat(c.participants).extracting(x -> x.name).contains("Participants", "EHR", "Surveys", "Fitbit",
                "Physical measurements");
        assertThat(c.concepts).anySatisfy(cc -> {
            assertThat(cc.field).isEqualTo("condition_occurrence.condition_concept_id");
            assertThat(cc.vanished).containsKey(0).containsEntry(0, "No matching concept");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Cdr.execute("diff", dirty.toString(), clean.toString(), "--config", config.toString(), "--json",
                    tmp.resolve("diff.json").toString())).isZero();
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("v1 (controlled) -> v2 (controlled)").contains("Participants").contains("- 0 No matching concept");
        assertThat(WorkLayout.readJson(tmp.resolve("diff.json"), ReleaseComparison.class).rows)
                .extracting(x -> x.name + "=" + x.previous + "->" + x.current)
                .isEqualTo(c.rows.stream().map(x -> x.name + "=" + x.previous + "->" + x.current).toList())
                .contains("person=" + planted.expectedPublished(Planted.CONTROLLED, "person") + "->" + c.rows.stream()
                        .filter(x -> x.name.equals("person")).findFirst().orElseThrow().current);
    }

    @Test
    void htmlReport_showsTheOverviewAndAFailedCheck_inHeadlessChromium() throws Exception {
        Chromium.require();
        Path html = dirty.resolve("qa/report.html");
        String page = Files.readString(html);
        assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script src")
                .doesNotContain("<link");
        QaReport r = report(dirty);
        String dom = Chromium.dumpDom(html);
        assertThat(dom).contains("id=\"count-checks\">" + String.format(Locale.ROOT, "%,d", r.overview.countTotal) + "<")
                .contains("id=\"count-failed\">" + r.overview.countOverallFailed + "<")
                .contains("showing " + r.overview.countTotal + " of " + r.overview.countTotal + " checks")
                .contains("Publication gate: PASSED")
                .contains("withinVisitDates").contains("condition_occurrence.condition_start_date")
                .contains("class=\"badge failed\"");
        Path png = Path.of("target", "qa-report.png");
        Chromium.screenshot(html, png);
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }
}
