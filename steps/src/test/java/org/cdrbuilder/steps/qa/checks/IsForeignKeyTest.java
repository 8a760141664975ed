package org.cdrbuilder.steps.qa.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.qa.QaTestKit.condition;
import static org.cdrbuilder.steps.qa.QaTestKit.person;
import static org.cdrbuilder.steps.qa.QaTestKit.result;
import static org.cdrbuilder.steps.qa.QaTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.steps.qa.QaTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsForeignKeyTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    private QaTestKit base() {
        return new QaTestKit(tmp).concept(320128, "Condition", "SNOMED", "S", null)
                .concept(32817, "Type Concept", "Type Concept", "S", null)
                .concept(9202, "Visit", "Visit", "S", null)
                .concept(8507, "Gender", "Gender", "S", null)
                .rows(person(1, 8507, LocalDate.of(1970, 1, 1)),
                        row("visit_occurrence", "visit_occurrence_id", 10L, "person_id", 1L, "visit_concept_id", 9202,
                                "visit_start_date", DAY, "visit_end_date", DAY, "visit_type_concept_id", 32817));
    }

    @Test
    void referencesToMissingPersonsVisitsRowsAndConcepts_fail() {
        QaReport report = base().rows(condition(100, 1, 320128, DAY, null, 10L), condition(101, 2, 320128, DAY, null, 10L),
                condition(102, 1, 999999, DAY, null, 11L), condition(103, 1, 0, DAY, null, null),
                row("condition_occurrence_ext", "condition_occurrence_id", 100L, "src_id", "EHR site 101"),
                row("condition_occurrence_ext", "condition_occurrence_id", 104L, "src_id", "EHR site 101"),
                row("visit_occurrence", "visit_occurrence_id", 12L, "person_id", 1L, "visit_concept_id", 9202,
                        "visit_start_date", DAY, "visit_end_date", DAY, "visit_type_concept_id", 32817,
                        "preceding_visit_occurrence_id", 13L)).run(new IsForeignKey());
        assertThat(result(report, "isForeignKey", "condition_occurrence", "person_id").numViolatedRows).isEqualTo(1);
        assertThat(result(report, "isForeignKey", "condition_occurrence", "person_id").examples.get(0))
                .containsEntry("condition_occurrence_id", 101L).containsEntry("person_id", 2L);
        assertThat(result(report, "isForeignKey", "condition_occurrence", "visit_occurrence_id").numViolatedRows)
                .isEqualTo(1);
        var concept = result(report, "isForeignKey", "condition_occurrence", "condition_concept_id");
        assertThat(concept.numViolatedRows).as("unknown concept; 0 always exists").isEqualTo(1);
        assertThat(concept.checkDescription).contains("does not exist in the concept table");
        assertThat(result(report, "isForeignKey", "condition_occurrence_ext", "condition_occurrence_id").numViolatedRows)
                .isEqualTo(1);
        assertThat(result(report, "isForeignKey", "visit_occurrence", "preceding_visit_occurrence_id").numViolatedRows)
                .isEqualTo(1);
        assertThat(report.checkResults).filteredOn(r -> r.failed == 1).allSatisfy(r -> assertThat(r.severity).isEqualTo("fatal"));
    }

    @Test
    void referencesToPublishedRows_pass() {
        QaReport report = base().rows(condition(100, 1, 320128, DAY, null, 10L), condition(101, 1, 0, DAY, null, null),
                row("condition_occurrence_ext", "condition_occurrence_id", 100L, "src_id", "EHR site 101"),
                row("visit_occurrence", "visit_occurrence_id", 12L, "person_id", 1L, "visit_concept_id", 9202,
                        "visit_start_date", DAY, "visit_end_date", DAY, "visit_type_concept_id", 32817,
                        "preceding_visit_occurrence_id", 10L)).run(new IsForeignKey());
        assertThat(report.checkResults).filteredOn(r -> r.numDenominatorRows > 0).isNotEmpty()
                .allSatisfy(r -> assertThat(r.passed).as(r.checkId).isEqualTo(1));
    }
}
