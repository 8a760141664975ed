package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.SURVEY;
import static org.cdrbuilder.steps.clean.rules.DuplicateSurveyResponsesTest.answer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** survey_branching_violations, with the repository's config/survey/branching.csv: rows loaded / sandboxed / remaining. */
class SurveyBranchingViolationsTest {
    @TempDir
    Path tmp;

    /** Runs the rule over answers, which prepare sees too. */
    RuleTestKit.Result run(RuleTestKit kit, List<Row> answers) {
        return kit.table("observation", answers).run(new SurveyBranchingViolations(), SURVEY, answers);
    }

    @Test
    void dropRule_removesTheChildWhenTheParentHasTheValue_perResponse() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2);
        Row neverSmoked = answer(1, 1, 10, "Smoking_100CigsLifetime", "100CigsLifetime_No");
        Row frequency = answer(2, 1, 10, "Smoking_SmokeFrequency", "SmokeFrequency_Daily");
        Row smoked = answer(3, 2, 20, "Smoking_100CigsLifetime", "100CigsLifetime_Yes");
        Row frequency2 = answer(4, 2, 20, "Smoking_SmokeFrequency", "SmokeFrequency_Daily");
        // the parent answer of another response says nothing about this one
        Row frequency3 = answer(5, 1, 11, "Smoking_SmokeFrequency", "SmokeFrequency_Daily");

        var result = run(kit, List.of(neverSmoked, frequency, smoked, frequency2, frequency3));

        assertThat(result.removed()).containsExactly(frequency);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("survey_branching_violations");
            assertThat(s.reason()).doesNotContain("100CigsLifetime_No");
        });
        assertThat(result.remaining).containsExactly(neverSmoked, smoked, frequency2, frequency3);
    }

    @Test
    void keepRule_needsOneOfTheParentsAnswers_multiSelectCounts_unansweredParentAllowsNothing() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row white = answer(1, 1, 10, "Race_WhatRaceEthnicity", "WhatRaceEthnicity_White");
        Row aian = answer(2, 1, 10, "Race_WhatRaceEthnicity", "WhatRaceEthnicity_AIAN");
        Row aianSpecific = answer(3, 1, 10, "AIAN_AIANSpecific", "AIANSpecific_AmericanIndian");
        Row whiteOnly = answer(4, 1, 11, "Race_WhatRaceEthnicity", "WhatRaceEthnicity_White");
        Row aianSpecific2 = answer(5, 1, 11, "AIAN_AIANSpecific", "AIANSpecific_AmericanIndian");
        Row aianSpecificNoParent = answer(6, 1, 12, "AIAN_AIANSpecific", "AIANSpecific_AmericanIndian");

        var result = run(kit, List.of(white, aian, aianSpecific, whiteOnly, aianSpecific2, aianSpecificNoParent));

        assertThat(result.removed()).containsExactly(aianSpecific2, aianSpecificNoParent);
        assertThat(result.remaining).containsExactly(white, aian, aianSpecific, whiteOnly);
    }

    @Test
    void childOfARemovedParent_isRemovedToo() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row white = answer(1, 1, 10, "Race_WhatRaceEthnicity", "WhatRaceEthnicity_White");
        // not allowed (race is not AIAN), and its answer would allow the free text below
        Row aianSpecific = answer(2, 1, 10, "AIAN_AIANSpecific", "AIANSpecific_AIANNoneOfTheseDescribeMe");
        Row freeText = answer(3, 1, 10, "AIANNoneOfTheseDescribeMe_AIANFreeText", null);

        var result = run(kit, List.of(white, aianSpecific, freeText));

        assertThat(result.removed()).containsExactly(aianSpecific, freeText);
        assertThat(result.remaining).containsExactly(white);
    }

    @Test
    void observationsOutsideSurveysAndQuestionsWithoutRules_stay() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row ehr = row("observation", "observation_id", 1L, "person_id", 1L, "observation_concept_id", 0,
                "observation_date", LocalDate.of(2020, 1, 1), "observation_type_concept_id", 32817,
                "observation_source_value", "Smoking_SmokeFrequency");
        Row unrelated = answer(2, 1, 10, "TheBasics_Birthplace", "PMI_Other");
        var result = run(kit, List.of(ehr, unrelated));
        assertThat(result.remaining).containsExactly(ehr, unrelated);
    }

    @Test
    void rulesFile_badRuleTypeOrCycle_refusedWithTheFileNamed() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"),
                "rule_type,child_question,parent_question,parent_value\nmaybe,A,B,x\n");
        RuleTestKit kit = new RuleTestKit(tmp).parameters(p -> p.surveyBranching = bad.toString());
        assertThatThrownBy(() -> run(kit, List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("keep or drop");

        Path cycle = Files.writeString(tmp.resolve("cycle.csv"),
                "rule_type,child_question,parent_question,parent_value\nkeep,A,B,x\ndrop,B,A,y\n");
        RuleTestKit kit2 = new RuleTestKit(tmp.resolve("k2")).parameters(p -> p.surveyBranching = cycle.toString());
        assertThatThrownBy(() -> run(kit2, List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle");
    }
}
