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

class SourceConceptRecordCompletenessTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    @Test
    void sourceConceptZero_isCounted_andFailsWhereAThresholdIsSet() {
        Path config = QaTestKit.configWith(tmp, "thresholds.csv",
                "sourceConceptRecordCompleteness,condition_occurrence,condition_source_concept_id,,,,10,");
        var report = new QaTestKit(tmp).config(config).rows(
                condition(1, 1, 320128, DAY, null, null).set("condition_source_concept_id", 0),
                condition(2, 1, 320128, DAY, null, null).set("condition_source_concept_id", 35207668),
                condition(3, 1, 320128, DAY, null, null)).run(new SourceConceptRecordCompleteness());
        CheckResult r = result(report, "sourceConceptRecordCompleteness", "condition_occurrence",
                "condition_source_concept_id");
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.numDenominatorRows).isEqualTo(3);
        assertThat(r.failed).isEqualTo(1);
    }

    @Test
    void sourceConceptsKnown_pass() {
        var report = new QaTestKit(tmp).rows(
                condition(1, 1, 320128, DAY, null, null).set("condition_source_concept_id", 35207668))
                .run(new SourceConceptRecordCompleteness());
        CheckResult r = result(report, "sourceConceptRecordCompleteness", "condition_occurrence",
                "condition_source_concept_id");
        assertThat(r.numViolatedRows).isZero();
        assertThat(r.passed).isEqualTo(1);
    }
}
