package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.LIFESTYLE;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.SURVEY;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.answer;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.at;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.conduct;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** core_answers_backfilled, with the repository's config/survey files: rows loaded / created / remaining. */
class CoreAnswersBackfilledTest {
    /** Lifestyle's core questions in config/survey/core-questions.csv. */
    static final List<String> LIFESTYLE_CORE = List.of("Smoking_100CigsLifetime",
            "ElectronicSmoking_ElectricSmokeParticipant", "CigarSmoking_CigarSmokeParticipant",
            "HookahSmoking_HookahSmokeParticipant", "SmokelessTobacco_SmokelessTobaccoParticipant",
            "Alcohol_AlcoholParticipant", "RecreationalDrugUse_WhichDrugsUsed");

    @TempDir
    Path tmp;

    static RuleTestKit.Result run(RuleTestKit kit, List<Row> conducts, List<Row> answers) {
        kit.table("survey_conduct", conducts).table("observation", answers);
        List<Row> all = new ArrayList<>(conducts);
        all.addAll(answers);
        return kit.run(new CoreAnswersBackfilled(), SURVEY, all);
    }

    static Row skip(long person, long response, String question, int questionConcept, LocalDateTime authored) {
        return row("observation", "observation_id", 0L, "person_id", person, "observation_concept_id", questionConcept,
                "observation_date", authored.toLocalDate(), "observation_datetime", authored,
                "observation_type_concept_id", 45905771, "value_as_concept_id", 903096,
                "observation_source_value", question, "observation_source_concept_id", questionConcept,
                "value_source_value", "PMI_Skip", "value_source_concept_id", 903096,
                "questionnaire_response_id", response);
    }

    @Test
    void unansweredCoreQuestions_getASkipAnswerEach_answeredOnesAndOtherQuestionsDoNot() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1)
                .concept(1585857, "Observation", "PPI", null, "Smoking_100CigsLifetime");
        Row response = conduct(10, 1, LIFESTYLE, "Lifestyle", at(3, 4));
        List<Row> answers = new ArrayList<>();
        for (int i = 1; i < LIFESTYLE_CORE.size() - 1; i++) {
            answers.add(answer(100 + i, 1, 10, LIFESTYLE_CORE.get(i), "PMI_PreferNotToAnswer"));
        }
        answers.add(answer(200, 1, 10, "Smoking_SmokeFrequency", "SmokeFrequency_Daily"));

        var result = run(kit, List.of(response), answers);

        assertThat(result.created).containsExactly(
                skip(1, 10, "Smoking_100CigsLifetime", 1585857, at(3, 4)),
                skip(1, 10, "RecreationalDrugUse_WhichDrugsUsed", 0, at(3, 4)));
        assertThat(result.sandboxed).isEmpty();
        assertThat(result.remaining).hasSize(1 + answers.size()).contains(response);
    }

    @Test
    void moduleKnownOnlyByConcept_isRecognized_modulesWithoutCoreQuestionsGetNothing() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1)
                .concept(LIFESTYLE, "Observation", "PPI", null, "Lifestyle");
        Row byConcept = conduct(10, 1, LIFESTYLE, null, at(3, 4));
        Row noCore = conduct(11, 1, 43529712, "PersonalMedicalHistory", at(3, 4));
        var result = run(kit, List.of(byConcept, noCore), List.of());
        assertThat(result.created).hasSize(LIFESTYLE_CORE.size())
                .allSatisfy(r -> assertThat(r.get("questionnaire_response_id")).isEqualTo(10L))
                .extracting(r -> r.get("observation_source_value")).containsExactlyElementsOf(LIFESTYLE_CORE);
    }

    @Test
    void responsesRemovedBeforehand_orAfterTheCutoff_areNotBackfilled() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2);
        Row older = conduct(10, 1, LIFESTYLE, "Lifestyle", at(1, 1));
        Row latest = conduct(11, 1, LIFESTYLE, "Lifestyle", at(2, 1));
        Row afterCutoff = conduct(12, 2, LIFESTYLE, "Lifestyle", RuleTestKit.CUTOFF.plusDays(1).atStartOfDay());
        List<Row> answers = new ArrayList<>();
        for (int i = 0; i < LIFESTYLE_CORE.size(); i++) {
            answers.add(answer(100 + i, 1, 11, LIFESTYLE_CORE.get(i), "PMI_Skip"));
        }
        kit.table("survey_conduct", List.of(older, latest, afterCutoff)).table("observation", answers);
        List<Row> all = new ArrayList<>(List.of(older, latest, afterCutoff));
        all.addAll(answers);

        var result = kit.run(List.of(new DuplicateSurveyResponses(), new SurveyBranchingViolations(),
                new CoreAnswersBackfilled()), SURVEY, all);

        assertThat(result.created).isEmpty();
        assertThat(result.removed()).containsExactly(older);
    }

    @Test
    void coreQuestionsFile_namesNoChildQuestion() {
        Path config = TestFiles.repoRoot().resolve("config");
        Set<String> children = BranchingRules.read(config.resolve("survey/branching.csv")).children();
        CoreQuestions core = CoreQuestions.read(config.resolve("survey/core-questions.csv"), Set.of());
        assertThat(core.modules()).containsExactlyInAnyOrder("TheBasics", "Lifestyle", "OverallHealth");
        assertThat(core.of("Lifestyle")).containsExactlyElementsOf(LIFESTYLE_CORE);
        core.modules().forEach(m -> assertThat(core.of(m)).doesNotContainAnyElementsOf(children));
    }
}
