package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureValueCompletenessTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    @Test
    void missingValues_areCounted_andFailWhereAThresholdIsSet() {
        Path config = QaTestKit.configWith(tmp, "thresholds.csv",
                "measureValueCompleteness,condition_occurrence,condition_end_date,,,,20,ends are expected");
        var report = new QaTestKit(tmp).config(config).rows(condition(1, 1, 320128, DAY, DAY, null),
                condition(2, 1, 320128, DAY, null, null), condition(3, 1, 320128, DAY, null, null))
                .run(new MeasureValueCompleteness());
        CheckResult end = result(report, "measureValueCompleteness", "condition_occurrence", "condition_end_date");
        assertThat(end.numViolatedRows).isEqualTo(2);
        assertThat(end.failed).isEqualTo(1);
        assertThat(end.notesValue).isEqualTo("ends are expected");
        CheckResult visit = result(report, "measureValueCompleteness", "condition_occurrence", "visit_occurrence_id");
        assertThat(visit.numViolatedRows).isEqualTo(3);
        assertThat(visit.passed).as("reported, not judged, by default").isEqualTo(1);
    }

    @Test
    void completeField_passes() {
        var report = new QaTestKit(tmp).rows(condition(1, 1, 320128, DAY, DAY, null)).run(new MeasureValueCompleteness());
        CheckResult end = result(report, "measureValueCompleteness", "condition_occurrence", "condition_end_date");
        assertThat(end.numViolatedRows).isZero();
        assertThat(end.passed).isEqualTo(1);
    }
}
