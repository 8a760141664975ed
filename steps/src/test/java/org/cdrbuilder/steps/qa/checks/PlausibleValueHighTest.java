package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.checks.PlausibleValueLowTest.drug;
import static org.cdrbuilder.steps.qa.checks.PlausibleValueLowTest.glucose;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleValueHighTest {
    @TempDir
    Path tmp;

    @Test
    void valuesAboveTheHigh_fail_includingDatesAfterTheCutoff() {
        var report = new QaTestKit(tmp).rows(drug(1, 400, LocalDate.of(2020, 1, 1)),
                drug(2, 30, QaTestKit.CUTOFF.plusDays(1)), glucose(10, 2500, 8840), glucose(11, 95, 8840))
                .run(new PlausibleValueHigh());
        assertThat(result(report, "plausibleValueHigh", "drug_exposure", "days_supply").numViolatedRows).isEqualTo(1);
        CheckResult date = result(report, "plausibleValueHigh", "drug_exposure", "drug_exposure_start_date");
        assertThat(date.numViolatedRows).isEqualTo(1);
        assertThat(date.checkDescription).contains("2026-10-01 (cutoff)");
        CheckResult g = result(report, "plausibleValueHigh", "measurement", "measurement_concept_id", 3004501);
        assertThat(g.numViolatedRows).isEqualTo(1);
        assertThat(g.failed).isEqualTo(1);
        assertThat(g.examples.get(0)).containsEntry("value_as_number", 2500.0);
    }

    @Test
    void plausibleValues_pass() {
        var report = new QaTestKit(tmp).rows(drug(1, 90, LocalDate.of(2020, 1, 1)), glucose(10, 95, 8840))
                .run(new PlausibleValueHigh());
        assertThat(result(report, "plausibleValueHigh", "drug_exposure", "days_supply").passed).isEqualTo(1);
        assertThat(result(report, "plausibleValueHigh", "measurement", "measurement_concept_id", 3004501).passed)
                .isEqualTo(1);
    }
}
