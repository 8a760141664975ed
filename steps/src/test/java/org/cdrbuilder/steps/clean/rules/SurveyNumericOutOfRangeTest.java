package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.SURVEY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** survey_numeric_out_of_range: rows loaded / sandboxed (as they were) / remaining (changed). */
class SurveyNumericOutOfRangeTest {
    @TempDir
    Path tmp;

    static Row numeric(long id, String question, Double value, int type) {
        return row("observation", "observation_id", id, "person_id", 1L, "observation_concept_id", 0,
                "observation_date", LocalDate.of(2020, 1, 1), "observation_type_concept_id", type,
                "observation_source_value", question, "value_as_number", value, "questionnaire_response_id", 10L);
    }

    @Test
    void numbersOutsideTheQuestionsRange_becomeTheOutOfRangeAnswer_boundsIncluded() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1)
                .parameters(p -> p.surveyNumericRanges.put("LivingSituation_HowManyPeople", new RuleParameters.Range(1, 20)));
        Row tooMany = numeric(1, "LivingSituation_HowManyPeople", 25.0, 45905771);
        Row tooFew = numeric(2, "LivingSituation_HowManyPeople", 0.0, 45905771);
        Row atHigh = numeric(3, "LivingSituation_HowManyPeople", 20.0, 45905771);
        Row atLow = numeric(4, "LivingSituation_HowManyPeople", 1.0, 45905771);
        Row noNumber = numeric(5, "LivingSituation_HowManyPeople", null, 45905771);
        Row otherQuestion = numeric(6, "Smoking_NumberOfYears", 99.0, 45905771);
        Row notASurvey = numeric(7, "LivingSituation_HowManyPeople", 25.0, 32817);

        var result = kit.run(new SurveyNumericOutOfRange(), SURVEY,
                List.of(tooMany, tooFew, atHigh, atLow, noNumber, otherQuestion, notASurvey));

        assertThat(result.changed()).containsExactly(tooMany, tooFew);
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("survey_numeric_out_of_range");
            assertThat(s.reason()).doesNotContain("25").doesNotContain("0.0");
        });
        Row expected = tooMany.copy().set("value_as_number", null).set("value_as_concept_id", 2000000010)
                .set("value_source_concept_id", 2000000010).set("value_source_value", "AoUDRC_ResponseRemoval");
        assertThat(result.remaining).hasSize(7).first().isEqualTo(expected);
        assertThat(result.remaining.subList(2, 7)).containsExactly(atHigh, atLow, noNumber, otherQuestion, notASurvey);
    }
}
