package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** non_standard_concepts_replaced: rows loaded / rows sandboxed / rows remaining. */
class NonStandardConceptsReplacedTest {
    static final LocalDate DAY = LocalDate.of(2020, 1, 1);
    static final int T2DM_ICD10 = 1567956;
    static final int T2DM_SNOMED = 201826;
    static final int HEART_FAILURE_ICD10 = 1569178;

    @TempDir
    Path tmp;

    RuleTestKit kit() {
        return new RuleTestKit(tmp).participant(1)
                .concept(T2DM_ICD10, "Condition", "ICD10CM", null, "E11")
                .concept(T2DM_SNOMED, "Condition", "SNOMED", "S", "44054006")
                .concept(HEART_FAILURE_ICD10, "Condition", "ICD10CM", null, "I50")
                .mapsTo(T2DM_ICD10, T2DM_SNOMED);
    }

    static Row condition(long id, Integer concept, Integer sourceConcept) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", 1L, "condition_concept_id", concept,
                "condition_source_concept_id", sourceConcept, "condition_start_date", DAY,
                "condition_type_concept_id", 32817);
    }

    @Test
    void nonStandardConcept_replacedByItsStandard_originalBecomesTheSourceConcept() {
        Row loaded = condition(10, T2DM_ICD10, null);
        var result = kit().run(new NonStandardConceptsReplaced(), List.of(loaded));
        assertThat(result.remaining).containsExactly(condition(10, T2DM_SNOMED, T2DM_ICD10));
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("changed");
            assertThat(s.ruleId()).isEqualTo("non_standard_concepts_replaced");
            assertThat(s.before()).isEqualTo(loaded);
        });
    }

    @Test
    void sourceConceptGivenBySite_isKept() {
        var result = kit().run(new NonStandardConceptsReplaced(), List.of(condition(10, T2DM_ICD10, HEART_FAILURE_ICD10),
                condition(11, T2DM_ICD10, 0)));
        assertThat(result.remaining).containsExactly(condition(10, T2DM_SNOMED, HEART_FAILURE_ICD10),
                condition(11, T2DM_SNOMED, T2DM_ICD10));
        assertThat(result.changed()).hasSize(2);
    }

    @Test
    void standardZeroUnknownAndUnmappedConcepts_stay() {
        List<Row> loaded = List.of(condition(10, T2DM_SNOMED, T2DM_ICD10), condition(11, 0, null),
                condition(12, null, null), condition(13, 999_999, null), condition(14, HEART_FAILURE_ICD10, null));
        var result = kit().run(new NonStandardConceptsReplaced(), loaded);
        assertThat(result.remaining).containsExactlyElementsOf(loaded);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void everyPrimaryConceptTable_isCovered_includingVisits() {
        RuleTestKit kit = kit().concept(5083, "Visit", "CMS Place of Service", null, "22")
                .concept(9202, "Visit", "Visit", "S", "OP").mapsTo(5083, 9202);
        Row visit = row("visit_occurrence", "visit_occurrence_id", 30L, "person_id", 1L, "visit_concept_id", 5083,
                "visit_start_date", DAY, "visit_end_date", DAY, "visit_type_concept_id", 32817);
        var result = kit.run(new NonStandardConceptsReplaced(), List.of(visit));
        assertThat(result.remaining).singleElement().satisfies(r -> {
            assertThat(r.get("visit_concept_id")).isEqualTo(9202);
            assertThat(r.get("visit_source_concept_id")).isEqualTo(5083);
        });
        assertThat(new NonStandardConceptsReplaced().info().tables()).containsExactlyInAnyOrder("condition_occurrence",
                "drug_exposure", "procedure_occurrence", "measurement", "observation", "device_exposure",
                "visit_occurrence");
    }

    @Test
    void surveyAnswers_keepTheirPpiConcepts_evenANonStandardOneWithAMapping() {
        RuleTestKit kit = kit().concept(1585838, "Observation", "PPI", "S", "Gender_GenderIdentity")
                .concept(1585999, "Observation", "PPI", null, "Old_Question")
                .concept(4000001, "Observation", "SNOMED", "S", "1234").mapsTo(1585999, 4000001);
        Row standard = answer(20, 1585838, 45905771);
        Row nonStandard = answer(21, 1585999, 45905771);
        var survey = kit.run(new NonStandardConceptsReplaced(), new RowOrigin("survey", null), List.of(standard, nonStandard));
        assertThat(survey.remaining).containsExactly(standard, nonStandard);
        assertThat(survey.sandboxed).isEmpty();

        Row ehr = answer(22, 1585999, 32817); // the same concept in an EHR observation is replaced
        var site = kit.run(new NonStandardConceptsReplaced(), List.of(ehr));
        assertThat(site.remaining).singleElement().satisfies(r -> assertThat(r.get("observation_concept_id")).isEqualTo(4000001));
    }

    static Row answer(long id, int concept, int type) {
        return row("observation", "observation_id", id, "person_id", 1L, "observation_concept_id", concept,
                "observation_date", DAY, "observation_type_concept_id", type, "observation_source_concept_id", concept);
    }
}
