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

class IsStandardValidConceptTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    private QaTestKit kit() {
        return new QaTestKit(tmp).concept(320128, "Condition", "SNOMED", "S", null)
                .concept(35207668, "Condition", "ICD10CM", null, null)
                .concept(201826, "Condition", "SNOMED", "S", "U");
    }

    @Test
    void nonStandardAndInvalidConcepts_fail_whileZeroAndUnknownAreLeftToOtherChecks() {
        var report = kit().rows(condition(1, 1, 320128, DAY, null, null), condition(2, 1, 35207668, DAY, null, null),
                condition(3, 1, 201826, DAY, null, null), condition(4, 1, 0, DAY, null, null),
                condition(5, 1, 424242, DAY, null, null)).run(new IsStandardValidConcept());
        CheckResult r = result(report, "isStandardValidConcept", "condition_occurrence", "condition_concept_id");
        assertThat(r.numViolatedRows).isEqualTo(2);
        assertThat(r.numDenominatorRows).isEqualTo(5);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.severity).isEqualTo("convention");
        assertThat(r.examples).extracting(e -> e.get("condition_concept_id")).containsExactly(35207668, 201826);
    }

    @Test
    void standardValidConcepts_pass() {
        var report = kit().rows(condition(1, 1, 320128, DAY, null, null)).run(new IsStandardValidConcept());
        assertThat(result(report, "isStandardValidConcept", "condition_occurrence", "condition_concept_id").passed)
                .isEqualTo(1);
    }
}
