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

class FkDomainTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    private QaTestKit kit() {
        return new QaTestKit(tmp).concept(320128, "Condition", "SNOMED", "S", null)
                .concept(1127433, "Drug", "RxNorm", "S", null)
                .concept(8516, "Race", "Race", "S", null)
                .concept(2000000008, "Observation", "AoU_General", "S", null)
                .concept(4000000, "Observation", "SNOMED", "S", null);
    }

    @Test
    void conceptsOfAnotherDomain_fail_withTheirDomainInTheExample() {
        var report = kit().rows(person(1, 8507, null).set("race_concept_id", 4000000),
                        condition(10, 1, 320128, DAY, null, null), condition(11, 1, 1127433, DAY, null, null),
                        condition(12, 1, 0, DAY, null, null))
                .run(new FkDomain());
        CheckResult c = result(report, "fkDomain", "condition_occurrence", "condition_concept_id");
        assertThat(c.numViolatedRows).isEqualTo(1);
        assertThat(c.numDenominatorRows).isEqualTo(3);
        assertThat(c.failed).isEqualTo(1);
        assertThat(c.examples.get(0)).containsEntry("domain_id", "Drug");
        assertThat(c.checkDescription).contains("Condition domain");
        assertThat(result(report, "fkDomain", "person", "race_concept_id").failed).isEqualTo(1);
    }

    @Test
    void conceptsOfTheDomain_andTheProgramsGeneralizedAnswers_pass() {
        var report = kit().rows(person(1, 8507, null).set("race_concept_id", 8516),
                        person(2, 8532, null).set("race_concept_id", 2000000008),
                        condition(10, 1, 320128, DAY, null, null))
                .run(new FkDomain());
        assertThat(result(report, "fkDomain", "condition_occurrence", "condition_concept_id").passed).isEqualTo(1);
        assertThat(result(report, "fkDomain", "person", "race_concept_id").passed).isEqualTo(1);
    }
}
