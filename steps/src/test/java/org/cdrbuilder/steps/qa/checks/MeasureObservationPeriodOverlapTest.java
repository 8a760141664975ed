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

class MeasureObservationPeriodOverlapTest {
    @TempDir
    Path tmp;

    private static Row period(long id, long person, String start, String end) {
        return row("observation_period", "observation_period_id", id, "person_id", person,
                "observation_period_start_date", LocalDate.parse(start), "observation_period_end_date",
                LocalDate.parse(end), "period_type_concept_id", 32817);
    }

    @Test
    void overlappingOrAdjacentPeriods_fail_perPerson() {
        var report = new QaTestKit(tmp).rows(period(1, 1, "2020-07-01", "2020-12-31"), period(2, 1, "2020-01-01", "2020-06-30"),
                period(3, 2, "2020-01-01", "2020-12-31"), period(4, 2, "2020-03-01", "2020-04-01"),
                period(5, 3, "2020-01-01", "2020-01-31"), period(6, 3, "2020-03-01", "2020-03-31"),
                period(7, 4, "2021-01-01", "2021-01-01")).run(new MeasureObservationPeriodOverlap());
        CheckResult r = result(report, "measureObservationPeriodOverlap", "observation_period", null);
        assertThat(r.numViolatedRows).isEqualTo(2);
        assertThat(r.numDenominatorRows).isEqualTo(4);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.examples).extracting(e -> e.get("person_id")).containsExactly(1L, 2L);
    }

    @Test
    void separatePeriods_pass() {
        var report = new QaTestKit(tmp).rows(period(1, 1, "2020-01-01", "2020-01-31"), period(2, 1, "2020-03-01", "2020-03-31"))
                .run(new MeasureObservationPeriodOverlap());
        assertThat(result(report, "measureObservationPeriodOverlap", "observation_period", null).passed).isEqualTo(1);
    }
}
