package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleValueLowTest {
    @TempDir
    Path tmp;

    static Row drug(long id, int daysSupply, LocalDate start) {
        return row("drug_exposure", "drug_exposure_id", id, "person_id", 1L, "drug_concept_id", 1127433,
                "drug_exposure_start_date", start, "drug_exposure_end_date", start, "drug_type_concept_id", 32817,
                "days_supply", daysSupply);
    }

    static Row glucose(long id, double value, Integer unit) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", 3004501,
                "measurement_date", LocalDate.of(2020, 1, 1), "measurement_type_concept_id", 32817,
                "value_as_number", value, "unit_concept_id", unit);
    }

    @Test
    void valuesBelowTheLow_failPerFieldAndPerConceptAndUnit() {
        var report = new QaTestKit(tmp).rows(drug(1, -3, LocalDate.of(2020, 1, 1)), drug(2, 30, LocalDate.of(1940, 1, 1)),
                glucose(10, 5.2, 8840), glucose(11, 95, 8840), glucose(12, 5.2, 8753)).run(new PlausibleValueLow());
        CheckResult supply = result(report, "plausibleValueLow", "drug_exposure", "days_supply");
        assertThat(supply.numViolatedRows).isEqualTo(1);
        assertThat(supply.failed).isEqualTo(1);
        assertThat(supply.checkDescription).contains("less than 0");
        assertThat(result(report, "plausibleValueLow", "drug_exposure", "drug_exposure_start_date").numViolatedRows)
                .isEqualTo(1);
        CheckResult g = result(report, "plausibleValueLow", "measurement", "measurement_concept_id", 3004501);
        assertThat(g.checkLevel).isEqualTo("CONCEPT");
        assertThat(g.unitConceptId).isEqualTo(8840);
        assertThat(g.numViolatedRows).as("the mmol/L row is another unit").isEqualTo(1);
        assertThat(g.numDenominatorRows).isEqualTo(2);
        assertThat(g.checkDescription).contains("CONCEPT_ID 3004501 (Glucose").contains("less than 10");
    }

    @Test
    void plausibleValues_pass() {
        var report = new QaTestKit(tmp).rows(drug(1, 30, LocalDate.of(2020, 1, 1)), glucose(10, 95, 8840))
                .run(new PlausibleValueLow());
        assertThat(result(report, "plausibleValueLow", "drug_exposure", "days_supply").passed).isEqualTo(1);
        assertThat(result(report, "plausibleValueLow", "measurement", "measurement_concept_id", 3004501).passed)
                .isEqualTo(1);
        assertThat(result(report, "plausibleValueLow", "measurement", "measurement_concept_id", 3004249).notApplicable)
                .as("no systolic blood pressure rows").isEqualTo(1);
    }
}
