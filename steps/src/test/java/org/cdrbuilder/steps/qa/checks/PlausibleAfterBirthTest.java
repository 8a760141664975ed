package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlausibleAfterBirthTest {
    @TempDir
    Path tmp;

    @Test
    void eventsBeforeBirth_fail_andPersonsWithoutBirthDateAreNotCounted() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, LocalDate.of(1980, 5, 1)), person(2, 8532, null),
                condition(10, 1, 320128, LocalDate.of(1980, 4, 30), LocalDate.of(1980, 5, 2), null),
                condition(11, 1, 320128, LocalDate.of(1980, 5, 1), null, null),
                condition(12, 2, 320128, LocalDate.of(1900, 1, 1), null, null)).run(new PlausibleAfterBirth());
        CheckResult start = result(report, "plausibleAfterBirth", "condition_occurrence", "condition_start_date");
        assertThat(start.numViolatedRows).isEqualTo(1);
        assertThat(start.numDenominatorRows).isEqualTo(2);
        assertThat(start.failed).isEqualTo(1);
        assertThat(start.examples.get(0)).containsEntry("condition_start_date", "1980-04-30")
                .containsEntry("birth_date", "1980-05-01");
        assertThat(result(report, "plausibleAfterBirth", "condition_occurrence", "condition_end_date").passed)
                .isEqualTo(1);
    }

    @Test
    void eventsAfterBirth_pass() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, LocalDate.of(1980, 5, 1)),
                condition(10, 1, 320128, LocalDate.of(2000, 1, 1), null, null)).run(new PlausibleAfterBirth());
        assertThat(result(report, "plausibleAfterBirth", "condition_occurrence", "condition_start_date").passed)
                .isEqualTo(1);
    }
}
