package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** source_values_truncated: rows loaded / rows changed / rows remaining, in both tiers. */
class SourceValuesTruncatedTest {
    static final String LONG_ANSWER = "GrandparentCirculatoryCondition_CoronaryArteryHeartDisease"; // 58, a real code

    @TempDir
    Path tmp;

    @Test
    void sourceValuesLongerThanTheirColumn_areCut_rowsStay_othersUntouched() {
        for (String tier : List.of("registered", "controlled")) {
            Row longDrugName = condition(1, 1, 0, "Metformin hydrochloride 500 MG Oral Tablet, extended release");
            Row fits = condition(2, 1, 0, "E11.9");
            Row exactly50 = condition(3, 1, 0, "x".repeat(50));
            Row longAnswer = answer(4, 1, 7, "FamilyHistory_CirculatoryConditions", LONG_ANSWER);
            Row conduct = row("survey_conduct", "survey_conduct_id", 7L, "person_id", 1L, "survey_concept_id", 0,
                    "survey_end_datetime", PrivacyRows.DAY.atTime(9, 0), "survey_source_value", "m".repeat(101),
                    "survey_source_identifier", "i".repeat(120));
            var result = new RuleTestKit(tmp.resolve(tier)).participant(1).tier(tier)
                    .run(new SourceValuesTruncated(), List.of(longDrugName, fits, exactly50, longAnswer, conduct));

            assertThat(result.remaining).as(tier).hasSize(5);
            assertThat(result.remaining.get(0).get("condition_source_value"))
                    .isEqualTo("Metformin hydrochloride 500 MG Oral Tablet, extend");
            assertThat(result.remaining.get(1).get("condition_source_value")).isEqualTo("E11.9");
            assertThat(result.remaining.get(2).get("condition_source_value")).isEqualTo("x".repeat(50));
            assertThat(result.remaining.get(3).get("value_source_value")).isEqualTo(LONG_ANSWER.substring(0, 50));
            assertThat(result.remaining.get(3).get("observation_source_value"))
                    .isEqualTo("FamilyHistory_CirculatoryConditions");
            // survey_conduct's source values hold 100 (CDM 5.3); its identifier is not a source value
            assertThat(result.remaining.get(4).get("survey_source_value")).isEqualTo("m".repeat(100));
            assertThat(result.remaining.get(4).get("survey_source_identifier")).isEqualTo("i".repeat(120));
            assertThat(result.changed()).hasSize(3);
            assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::reason).containsExactly(
                    "source value longer than its column cut to condition_source_value (50)",
                    "source value longer than its column cut to value_source_value (50)",
                    "source value longer than its column cut to survey_source_value (100)");
            assertThat(result.changed().get(0).get("condition_source_value")).as("the sandbox has the value as it was")
                    .isEqualTo("Metformin hydrochloride 500 MG Oral Tablet, extended release");
        }
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(49) + "\uD83D\uDE00" + "tail"; // an emoji at characters 50-51
        assertThat(SourceValuesTruncated.truncate(text, 50)).isEqualTo("a".repeat(49));
        assertThat(SourceValuesTruncated.truncate("short", 50)).isEqualTo("short");
    }

    @Test
    void runsAfterTheGeneralizations_andBeforeFreeTextIsJudged() {
        List<String> order = RuleEngine.of(RuleEngine.discover().stream().filter(r -> r.info().perTier()).toList())
                .rules().stream().map(r -> r.info().id()).toList();
        assertThat(order.indexOf("source_values_truncated"))
                .isGreaterThan(order.indexOf("race_generalized"))
                .isGreaterThan(order.indexOf("state_generalized"))
                .isGreaterThan(order.indexOf("zip_code_generalized"))
                .isLessThan(order.indexOf("free_text_suppressed"));
    }
}
