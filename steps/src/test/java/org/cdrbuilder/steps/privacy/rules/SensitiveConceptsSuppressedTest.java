package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sensitive_concepts_suppressed: code patterns of the tier's list, resolved against the concept table. */
class SensitiveConceptsSuppressedTest {
    @TempDir
    Path tmp;

    private static final Object[][] CONCEPTS = {
        {101, "ICD10CM", "V43.52XA"}, // car occupant injured: transport accident (registered list)
        {102, "ICD10CM", "X95.9XXA"}, // assault (registered list)
        {103, "ICD10CM", "Z38.00"},   // single liveborn, born in hospital (both lists)
        {104, "ICD10CM", "E11.9"},    // diabetes: never suppressed
        {105, "ICD10CM", "V9"},       // not a transport code: the pattern wants two digits
    };

    private RuleTestKit kit(String tier) {
        RuleTestKit kit = new RuleTestKit(tmp.resolve(tier)).participant(1).tier(tier);
        List<Row> concepts = new ArrayList<>();
        for (Object[] c : CONCEPTS) {
            kit.concept((Integer) c[0], "Condition", (String) c[1], null, (String) c[2]);
            concepts.add(row("concept", "concept_id", c[0], "concept_name", "c", "domain_id", "Condition",
                    "vocabulary_id", c[1], "concept_class_id", "x", "concept_code", c[2],
                    "valid_start_date", LocalDate.of(1970, 1, 1), "valid_end_date", LocalDate.of(2099, 12, 31)));
        }
        return kit.table("concept", concepts);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Object[] c : CONCEPTS) {
            rows.add(condition((Integer) c[0], 1, (Integer) c[0], (String) c[2]));
        }
        return rows;
    }

    @Test
    void registered_suppressesTransportAssaultAndBirthCodes() {
        var result = kit("registered").run(new SensitiveConceptsSuppressed(), rows());
        assertThat(result.removed()).extracting(r -> r.get("condition_occurrence_id")).containsExactly(101L, 102L, 103L);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.reason()).isEqualTo("concept is on the tier's suppression list"));
        assertThat(result.remaining).extracting(r -> r.get("condition_occurrence_id")).containsExactly(104L, 105L);
    }

    @Test
    void controlled_hasTheSmallerList() {
        var result = kit("controlled").run(new SensitiveConceptsSuppressed(), rows());
        assertThat(result.removed()).extracting(r -> r.get("condition_occurrence_id")).containsExactly(103L);
    }

    @Test
    void anyConceptColumnCounts_notOnlyTheSourceConcept() {
        Row r = condition(1, 1, 0, null);
        r.set("condition_concept_id", 102);
        var result = kit("registered").run(new SensitiveConceptsSuppressed(), List.of(r));
        assertThat(result.removed()).hasSize(1);
    }
}
