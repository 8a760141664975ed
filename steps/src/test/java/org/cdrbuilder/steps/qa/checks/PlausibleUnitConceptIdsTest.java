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

class PlausibleUnitConceptIdsTest {
    @TempDir
    Path tmp;

    private static Row systolic(long id, Double value, Integer unit) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", 3004249,
                "measurement_date", LocalDate.of(2020, 1, 1), "measurement_type_concept_id", 44818701,
                "value_as_number", value, "unit_concept_id", unit);
    }

    @Test
    void resultsInAnImplausibleUnitOrNone_fail() {
        var report = new QaTestKit(tmp).rows(systolic(1, 120.0, 8876), systolic(2, 120.0, 8840), systolic(3, 120.0, null),
                systolic(4, null, 8840)).run(new PlausibleUnitConceptIds());
        CheckResult r = result(report, "plausibleUnitConceptIds", "measurement", "measurement_concept_id", 3004249);
        assertThat(r.numViolatedRows).isEqualTo(2);
        assertThat(r.numDenominatorRows).as("rows without a value are not counted").isEqualTo(3);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.checkDescription).contains("NOT IN (8876)");
    }

    @Test
    void resultsInAPlausibleUnit_pass() {
        var report = new QaTestKit(tmp).rows(systolic(1, 120.0, 8876)).run(new PlausibleUnitConceptIds());
        assertThat(result(report, "plausibleUnitConceptIds", "measurement", "measurement_concept_id", 3004249).passed)
                .isEqualTo(1);
    }
}
