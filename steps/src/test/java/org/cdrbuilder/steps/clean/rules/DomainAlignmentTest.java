package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** domain_alignment: rows loaded / rows moved (sandboxed with their target) / rows remaining in their new table. */
class DomainAlignmentTest {
    static final LocalDate DAY = LocalDate.of(2020, 3, 4);
    static final int HISTORY_OF_FINDING = 4214956; // SNOMED, Observation domain
    static final int T2DM = 201826; // SNOMED, Condition domain
    static final int GLUCOSE = 3004501; // LOINC, Measurement domain
    static final int CHEST_XRAY = 4163872; // SNOMED, Procedure domain

    @TempDir
    Path tmp;

    RuleTestKit kit() {
        return new RuleTestKit(tmp).participant(1)
                .concept(HISTORY_OF_FINDING, "Observation", "SNOMED", "S", "417662000")
                .concept(T2DM, "Condition", "SNOMED", "S", "44054006")
                .concept(GLUCOSE, "Measurement", "LOINC", "S", "2345-7")
                .concept(CHEST_XRAY, "Procedure", "SNOMED", "S", "399208008")
                .concept(4000002, "Spec Anatomic Site", "SNOMED", "S", "5678")
                .concept(45000001, "Observation", "ICD10CM", null, "Z87.891");
    }

    static Row condition(long id, Integer concept) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", 1L, "condition_concept_id", concept,
                "condition_start_date", DAY, "condition_type_concept_id", 32817);
    }

    @Test
    void conditionWithObservationConcept_arrivesInObservationWithItsColumnsMapped() {
        Row loaded = row("condition_occurrence", "condition_occurrence_id", 10L, "person_id", 1L,
                "condition_concept_id", HISTORY_OF_FINDING, "condition_start_date", DAY,
                "condition_start_datetime", DAY.atTime(9, 30), "condition_end_date", DAY.plusDays(3),
                "condition_type_concept_id", 32817, "provider_id", 7L, "visit_occurrence_id", 500L,
                "condition_source_value", "Z87.891", "condition_source_concept_id", 45000001,
                "condition_status_concept_id", 0);
        var result = kit().run(new DomainAlignment(), List.of(loaded, condition(11, T2DM)));

        Row expected = row("observation", "observation_id", 10L, "person_id", 1L,
                "observation_concept_id", HISTORY_OF_FINDING, "observation_date", DAY,
                "observation_datetime", LocalDateTime.of(DAY, LocalTime.of(9, 30)),
                "observation_type_concept_id", 32817, "provider_id", 7L, "visit_occurrence_id", 500L,
                "observation_source_value", "Z87.891", "observation_source_concept_id", 45000001);
        assertThat(result.remaining).containsExactly(expected, condition(11, T2DM));
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("moved to observation");
            assertThat(s.ruleId()).isEqualTo("domain_alignment");
            assertThat(s.before()).isEqualTo(loaded);
        });
    }

    @Test
    void targetTableWithEndDate_getsTheStartDateWhenItRequiresOne() {
        Row drug = row("drug_exposure", "drug_exposure_id", 12L, "person_id", 1L, "drug_concept_id", CHEST_XRAY,
                "drug_exposure_start_date", DAY, "drug_exposure_end_date", DAY, "drug_type_concept_id", 32817);
        var result = kit().run(new DomainAlignment(), List.of(drug));
        assertThat(result.remaining).singleElement().satisfies(r -> {
            assertThat(r.table().name()).isEqualTo("procedure_occurrence");
            assertThat(r.get("procedure_occurrence_id")).isEqualTo(12L);
            assertThat(r.get("procedure_concept_id")).isEqualTo(CHEST_XRAY);
            assertThat(r.get("procedure_date")).isEqualTo(DAY);
        });
    }

    @Test
    void zeroNonStandardUnknownAndTablelessDomainConcepts_stay() {
        List<Row> loaded = List.of(condition(10, 0), condition(11, null), condition(12, 45000001),
                condition(13, 999_999), condition(14, 4000002), condition(15, T2DM));
        var result = kit().run(new DomainAlignment(), loaded);
        assertThat(result.remaining).containsExactlyElementsOf(loaded);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void surveyAnswersAndPhysicalMeasurements_areNeverMoved() {
        Row answer = row("observation", "observation_id", 20L, "person_id", 1L, "observation_concept_id", GLUCOSE,
                "observation_date", DAY, "observation_type_concept_id", 45905771);
        Row pm = row("measurement", "measurement_id", 21L, "person_id", 1L, "measurement_concept_id",
                HISTORY_OF_FINDING, "measurement_date", DAY, "measurement_type_concept_id", 44818701);
        var result = kit().run(new DomainAlignment(), new RowOrigin("survey", null), List.of(answer, pm));
        assertThat(result.remaining).containsExactly(answer, pm);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void nonStandardConceptReplacedFirst_thenTheRowMovesToItsStandardDomain() {
        RuleTestKit kit = kit().mapsTo(45000001, HISTORY_OF_FINDING);
        var result = kit.run(List.of(new DomainAlignment(), new NonStandardConceptsReplaced()), new RowOrigin("ehr", "s"),
                List.of(condition(10, 45000001)));
        assertThat(result.remaining).singleElement().satisfies(r -> {
            assertThat(r.table().name()).isEqualTo("observation");
            assertThat(r.get("observation_concept_id")).isEqualTo(HISTORY_OF_FINDING);
            assertThat(r.get("observation_source_concept_id")).isEqualTo(45000001);
        });
        assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::ruleId)
                .containsExactly("non_standard_concepts_replaced", "domain_alignment");
    }

    @Test
    void movedRow_continuesWithTheLaterRulesOfItsNewTable() {
        Row observation = row("observation", "observation_id", 30L, "person_id", 1L, "observation_concept_id", GLUCOSE,
                "observation_date", DAY, "observation_type_concept_id", 32817, "value_as_number", 5.5,
                "unit_concept_id", 8753, "observation_source_value", "2345-7");
        var result = kit().run(List.of(new DomainAlignment(), new UnitNormalization()), new RowOrigin("ehr", "s"),
                List.of(observation));
        assertThat(result.remaining).singleElement().satisfies(r -> {
            assertThat(r.table().name()).isEqualTo("measurement");
            assertThat(r.get("measurement_id")).isEqualTo(30L);
            assertThat((Double) r.get("value_as_number")).isCloseTo(99.088, within(1e-9));
            assertThat(r.get("unit_concept_id")).isEqualTo(8840);
        });
        assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::action).containsExactly("moved to measurement", "changed");
    }
}
