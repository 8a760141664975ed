package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** duplicate_survey_responses: rows loaded / sandboxed / remaining. */
class DuplicateSurveyResponsesTest {
    static final RowOrigin SURVEY = new RowOrigin("survey", null);
    static final int THE_BASICS = 1586134;
    static final int LIFESTYLE = 1585855;

    @TempDir
    Path tmp;

    static Row conduct(long id, long person, int module, String code, LocalDateTime authored) {
        return row("survey_conduct", "survey_conduct_id", id, "person_id", person, "survey_concept_id", module,
                "survey_source_value", code, "survey_end_datetime", authored, "survey_end_date", authored.toLocalDate(),
                "assisted_concept_id", 0, "respondent_type_concept_id", 0, "timing_concept_id", 0,
                "collection_method_concept_id", 42531021);
    }

    static Row answer(long id, long person, long response, String question, String value) {
        return row("observation", "observation_id", id, "person_id", person, "observation_concept_id", 0,
                "observation_date", LocalDate.of(2020, 1, 1), "observation_type_concept_id", 45905771,
                "observation_source_value", question, "value_source_value", value, "questionnaire_response_id", response);
    }

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2020, month, day, 10, 0);
    }

    /** Runs the rule over conducts and answers, which prepare sees too. */
    static RuleTestKit.Result run(RuleTestKit kit, List<Row> conducts, List<Row> answers) {
        kit.table("survey_conduct", conducts).table("observation", answers);
        List<Row> all = new ArrayList<>(conducts);
        all.addAll(answers);
        return kit.run(new DuplicateSurveyResponses(), SURVEY, all);
    }

    @Test
    void keepsTheLatestResponsePerParticipantAndModule_removesOlderResponsesWithTheirAnswers() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2);
        List<Row> conducts = List.of(conduct(10, 1, THE_BASICS, "TheBasics", at(1, 1)),
                conduct(11, 1, THE_BASICS, "TheBasics", at(3, 1)),
                conduct(12, 1, LIFESTYLE, "Lifestyle", at(1, 1)),
                conduct(13, 2, THE_BASICS, "TheBasics", at(1, 1)));
        List<Row> answers = List.of(answer(100, 1, 10, "TheBasics_Birthplace", "PMI_Skip"),
                answer(101, 1, 10, "Race_WhatRaceEthnicity", "WhatRaceEthnicity_White"),
                answer(102, 1, 11, "TheBasics_Birthplace", "Birthplace_USA"),
                answer(103, 1, 12, "Smoking_100CigsLifetime", "100CigsLifetime_No"),
                answer(104, 2, 13, "TheBasics_Birthplace", "Birthplace_USA"));

        var result = run(kit, conducts, answers);

        assertThat(result.removed()).containsExactly(conducts.get(0), answers.get(0), answers.get(1));
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("duplicate_survey_responses"));
        assertThat(result.remaining).containsExactly(conducts.get(1), conducts.get(2), conducts.get(3),
                answers.get(2), answers.get(3), answers.get(4));
    }

    @Test
    void sameAuthoredTime_highestIdWins() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> conducts = List.of(conduct(21, 1, THE_BASICS, "TheBasics", at(2, 2)),
                conduct(20, 1, THE_BASICS, "TheBasics", at(2, 2)));
        var result = run(kit, conducts, List.of(answer(200, 1, 20, "TheBasics_Birthplace", "PMI_Skip")));
        assertThat(result.remaining).containsExactly(conducts.get(0));
        assertThat(result.removed()).extracting(r -> r.get(0)).containsExactly(20L, 200L);
    }

    @Test
    void unknownModuleConcept_modulesAreToldApartBySourceValue() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> conducts = List.of(conduct(30, 1, 0, "COPE", at(1, 1)), conduct(31, 1, 0, "COPE", at(2, 1)),
                conduct(32, 1, 0, "OverallHealth", at(1, 1)));
        var result = run(kit, conducts, List.of());
        assertThat(result.removed()).containsExactly(conducts.get(0));
        assertThat(result.remaining).containsExactly(conducts.get(1), conducts.get(2));
    }

    @Test
    void responseThatIsNeverReleased_doesNotReplaceAnEarlierOne() {
        RuleTestKit kit = new RuleTestKit(tmp)
                .participant(1, p -> p.deactivationDate = LocalDate.of(2020, 2, 1))
                .participant(2);
        Row early = conduct(40, 1, THE_BASICS, "TheBasics", at(1, 1));
        Row afterDeactivation = conduct(41, 1, THE_BASICS, "TheBasics", at(3, 1));
        Row before = conduct(42, 2, THE_BASICS, "TheBasics", at(1, 1));
        Row afterCutoff = conduct(43, 2, THE_BASICS, "TheBasics", RuleTestKit.CUTOFF.plusDays(1).atStartOfDay());
        kit.table("survey_conduct", List.of(early, afterDeactivation, before, afterCutoff));

        var result = kit.run(List.of(new DuplicateSurveyResponses(), new DataAfterDeactivation()),
                SURVEY, List.of(early, afterDeactivation, before, afterCutoff));

        assertThat(result.remaining).containsExactly(early, before, afterCutoff);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("data_after_deactivation");
            assertThat(s.before()).isEqualTo(afterDeactivation);
        });
    }

    @Test
    void answersOutsideSurveys_areNotTouched() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row ehr = row("observation", "observation_id", 50L, "person_id", 1L, "observation_concept_id", 4058286,
                "observation_date", LocalDate.of(2020, 1, 1), "observation_type_concept_id", 32817);
        kit.table("survey_conduct", List.of(conduct(10, 1, THE_BASICS, "TheBasics", at(1, 1)),
                conduct(11, 1, THE_BASICS, "TheBasics", at(2, 1))));
        var result = kit.run(new DuplicateSurveyResponses(), List.of(ehr));
        assertThat(result.remaining).containsExactly(ehr);
    }
}
