package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurePersonCompletenessTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    private static Row period(long id, long person) {
        return row("observation_period", "observation_period_id", id, "person_id", person,
                "observation_period_start_date", DAY, "observation_period_end_date", DAY, "period_type_concept_id", 32817);
    }

    @Test
    void personsWithoutRows_areCounted_andFailWhereEveryPersonIsExpected() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null), person(2, 8532, null), person(3, 8507, null),
                person(4, 8532, null), condition(10, 1, 320128, DAY, null, null), condition(11, 1, 320128, DAY, null, null),
                period(20, 1), period(21, 2), period(22, 3)).run(new MeasurePersonCompleteness());
        CheckResult conditions = result(report, "measurePersonCompleteness", "condition_occurrence", null);
        assertThat(conditions.numViolatedRows).isEqualTo(3);
        assertThat(conditions.numDenominatorRows).isEqualTo(4);
        assertThat(conditions.passed).as("most tables hold some persons only").isEqualTo(1);
        CheckResult periods = result(report, "measurePersonCompleteness", "observation_period", null);
        assertThat(periods.numViolatedRows).isEqualTo(1);
        assertThat(periods.failed).isEqualTo(1);
        assertThat(periods.severity).isEqualTo("convention");
    }

    @Test
    void everyPersonWithAPeriod_passes() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null), period(20, 1)).run(new MeasurePersonCompleteness());
        assertThat(result(report, "measurePersonCompleteness", "observation_period", null).passed).isEqualTo(1);
    }
}
