package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleBeforeDeathTest {
    @TempDir
    Path tmp;

    private static final LocalDate DEATH = LocalDate.of(2020, 1, 1);

    @Test
    void eventsMoreThanSixtyDaysAfterDeath_fail_overTheRowsOfPersonsWhoDied() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null), person(2, 8532, null),
                row("death", "person_id", 1L, "death_date", DEATH, "death_type_concept_id", 32817),
                condition(10, 1, 320128, DEATH.plusDays(60), null, null),
                condition(11, 1, 320128, DEATH.plusDays(61), null, null),
                condition(12, 2, 320128, DEATH.plusDays(400), null, null)).run(new PlausibleBeforeDeath());
        CheckResult r = result(report, "plausibleBeforeDeath", "condition_occurrence", "condition_start_date");
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.numDenominatorRows).isEqualTo(2);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.examples.get(0)).containsEntry("condition_occurrence_id", 11L).containsEntry("death_date", "2020-01-01");
        assertThat(r.checkDescription).contains("more than 60 days after death");
    }

    @Test
    void eventsBeforeDeath_pass_andWithoutDeathsTheCheckDoesNotApply() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null),
                row("death", "person_id", 1L, "death_date", DEATH, "death_type_concept_id", 32817),
                condition(10, 1, 320128, DEATH.minusDays(3), null, null)).run(new PlausibleBeforeDeath());
        assertThat(result(report, "plausibleBeforeDeath", "condition_occurrence", "condition_start_date").passed)
                .isEqualTo(1);
        var none = new QaTestKit(tmp.resolve("none")).rows(person(1, 8507, null),
                condition(10, 1, 320128, DEATH, null, null)).run(new PlausibleBeforeDeath());
        assertThat(result(none, "plausibleBeforeDeath", "condition_occurrence", "condition_start_date").notApplicable)
                .isEqualTo(1);
    }
}
