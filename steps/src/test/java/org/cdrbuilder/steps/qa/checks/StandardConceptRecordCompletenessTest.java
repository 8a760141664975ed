package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.result;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardConceptRecordCompletenessTest {
    @TempDir
    Path tmp;

    private static Row[] conditions(int total, int unmapped) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            rows.add(condition(i, 1, i < unmapped ? 0 : 320128, LocalDate.of(2020, 1, 1), null, null));
        }
        return rows.toArray(new Row[0]);
    }

    @Test
    void moreUnmappedRowsThanTheThreshold_fail() {
        var report = new QaTestKit(tmp).rows(conditions(10, 1)).run(new StandardConceptRecordCompleteness());
        CheckResult r = result(report, "standardConceptRecordCompleteness", "condition_occurrence", "condition_concept_id");
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.pctViolatedRows).isEqualTo(0.1);
        assertThat(r.thresholdValue).isEqualTo(5.0);
        assertThat(r.failed).isEqualTo(1);
        assertThat(result(report, "standardConceptRecordCompleteness", "condition_occurrence",
                "condition_type_concept_id").passed).isEqualTo(1);
    }

    @Test
    void fewUnmappedRows_passWithinTheThreshold() {
        var report = new QaTestKit(tmp).rows(conditions(100, 4)).run(new StandardConceptRecordCompleteness());
        CheckResult r = result(report, "standardConceptRecordCompleteness", "condition_occurrence", "condition_concept_id");
        assertThat(r.numViolatedRows).isEqualTo(4);
        assertThat(r.passed).isEqualTo(1);
    }
}
