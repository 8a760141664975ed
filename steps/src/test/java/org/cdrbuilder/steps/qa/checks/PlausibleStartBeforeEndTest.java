package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleStartBeforeEndTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 10);

    @Test
    void startsAfterTheirEnd_fail_forPairsFoundByName() {
        var report = new QaTestKit(tmp).rows(condition(1, 1, 320128, DAY, DAY.minusDays(5), null),
                condition(2, 1, 320128, DAY, DAY, null), condition(3, 1, 320128, DAY, null, null),
                row("procedure_occurrence", "procedure_occurrence_id", 5L, "person_id", 1L, "procedure_concept_id", 4,
                        "procedure_date", DAY, "procedure_end_date", DAY.minusDays(1), "procedure_type_concept_id", 32817))
                .run(new PlausibleStartBeforeEnd());
        CheckResult c = result(report, "plausibleStartBeforeEnd", "condition_occurrence", "condition_start_date");
        assertThat(c.numViolatedRows).isEqualTo(1);
        assertThat(c.numDenominatorRows).as("rows without an end are not counted").isEqualTo(2);
        assertThat(c.failed).isEqualTo(1);
        assertThat(c.checkDescription).contains("condition_end_date");
        assertThat(result(report, "plausibleStartBeforeEnd", "procedure_occurrence", "procedure_date").failed)
                .isEqualTo(1);
        assertThat(report.checkResults).noneMatch(r -> "verbatim_end_date".equals(r.cdmFieldName));
    }

    @Test
    void startsOnOrBeforeTheirEnd_pass() {
        var report = new QaTestKit(tmp).rows(condition(1, 1, 320128, DAY, DAY.plusDays(3), null))
                .run(new PlausibleStartBeforeEnd());
        assertThat(result(report, "plausibleStartBeforeEnd", "condition_occurrence", "condition_start_date").passed)
                .isEqualTo(1);
    }
}
