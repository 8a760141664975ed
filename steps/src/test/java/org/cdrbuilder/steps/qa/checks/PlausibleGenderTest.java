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

class PlausibleGenderTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);
    private static final int PROSTATIC_HYPERPLASIA = 198803;

    @Test
    void maleOnlyConceptsOfWomen_fail() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null), person(2, 8532, null), person(3, 2000000002, null),
                condition(10, 1, PROSTATIC_HYPERPLASIA, DAY, null, null), condition(11, 2, PROSTATIC_HYPERPLASIA, DAY, null, null),
                condition(12, 3, PROSTATIC_HYPERPLASIA, DAY, null, null), condition(13, 2, 320128, DAY, null, null))
                .run(new PlausibleGender());
        CheckResult r = result(report, "plausibleGender", "condition_occurrence", "condition_concept_id",
                PROSTATIC_HYPERPLASIA);
        assertThat(r.numViolatedRows).isEqualTo(1);
        assertThat(r.numDenominatorRows).isEqualTo(3);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.examples.get(0)).containsEntry("person_id", 2L).containsEntry("gender_concept_id", 8532);
        assertThat(r.checkDescription).contains("Benign prostatic hyperplasia").contains("correct gender = Male");
    }

    @Test
    void conceptsOfTheirGender_pass_andAbsentConceptsDoNotApply() {
        var report = new QaTestKit(tmp).rows(person(1, 8507, null), condition(10, 1, PROSTATIC_HYPERPLASIA, DAY, null, null))
                .run(new PlausibleGender());
        assertThat(result(report, "plausibleGender", "condition_occurrence", "condition_concept_id",
                PROSTATIC_HYPERPLASIA).passed).isEqualTo(1);
        assertThat(result(report, "plausibleGender", "condition_occurrence", "condition_concept_id", 197236).notApplicable)
                .isEqualTo(1);
    }
}
