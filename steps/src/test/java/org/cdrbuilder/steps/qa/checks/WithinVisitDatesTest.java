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

class WithinVisitDatesTest {
    @TempDir
    Path tmp;

    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate END = LocalDate.of(2020, 1, 3);

    private static QaTestKit kit(Path dir) {
        return new QaTestKit(dir).rows(row("visit_occurrence", "visit_occurrence_id", 7L, "person_id", 1L,
                "visit_concept_id", 9201, "visit_start_date", START, "visit_end_date", END, "visit_type_concept_id", 32817));
    }

    @Test
    void eventsMoreThanAWeekOutsideTheirVisit_fail() {
        var report = kit(tmp).rows(condition(1, 1, 320128, END.plusDays(7), null, 7L),
                condition(2, 1, 320128, END.plusDays(8), null, 7L), condition(3, 1, 320128, START.minusDays(7), null, 7L),
                condition(4, 1, 320128, START.minusDays(8), null, 7L), condition(5, 1, 320128, START, null, null),
                condition(6, 1, 320128, START.minusDays(100), null, 99L)).run(new WithinVisitDates());
        CheckResult r = result(report, "withinVisitDates", "condition_occurrence", "condition_start_date");
        assertThat(r.numViolatedRows).isEqualTo(2);
        assertThat(r.numDenominatorRows).as("rows without a published visit are not counted").isEqualTo(4);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.examples.get(0)).containsEntry("visit_occurrence_id", 7L).containsEntry("visit_end_date", "2020-01-03");
    }

    @Test
    void eventsDuringTheirVisit_pass() {
        var report = kit(tmp).rows(condition(1, 1, 320128, START.plusDays(1), null, 7L)).run(new WithinVisitDates());
        assertThat(result(report, "withinVisitDates", "condition_occurrence", "condition_start_date").passed).isEqualTo(1);
    }
}
