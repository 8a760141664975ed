package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.person;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** race_generalized: several races -> 2000000008, a rare single race -> 2000000001, no race -> 2100000001. */
class RaceGeneralizedTest {
    static final String Q = "Race_WhatRaceEthnicity";
    @TempDir
    Path tmp;

    private final List<Row> answers = List.of(
            answer(1, 1, 100, Q, "WhatRaceEthnicity_White"), answer(2, 1, 100, Q, "WhatRaceEthnicity_Asian"),
            answer(3, 1, 100, Q, "WhatRaceEthnicity_Hispanic"),     // ethnicity: not one of the races
            answer(4, 2, 200, Q, "WhatRaceEthnicity_NHPI"),          // rare single race
            answer(5, 3, 300, Q, "WhatRaceEthnicity_Black"));        // kept

    private RuleTestKit kit(String tier) {
        return new RuleTestKit(tmp.resolve(tier)).participant(1).participant(2).participant(3).participant(4)
                .table("observation", answers).tier(tier);
    }

    @Test
    void registered_generalizesAnswers_oneRowStandsForSeveralRaces() {
        var result = kit("registered").run(new RaceGeneralized(), answers);
        assertThat(result.remaining).extracting(r -> r.get("observation_id"), r -> r.get("value_as_concept_id"),
                r -> r.get("value_source_value")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 2000000008, "WhatRaceEthnicity_GeneralizedMultPopulations"),
                org.assertj.core.groups.Tuple.tuple(3L, 1, "WhatRaceEthnicity_Hispanic"),
                org.assertj.core.groups.Tuple.tuple(4L, 2000000001, "WhatRaceEthnicity_GeneralizedPopulation"),
                org.assertj.core.groups.Tuple.tuple(5L, 1, "WhatRaceEthnicity_Black"));
        assertThat(result.removed()).extracting(r -> r.get("observation_id")).containsExactly(2L);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("race_generalized"));
    }

    @Test
    void registered_generalizesThePersonRace() {
        var result = kit("registered").run(new RaceGeneralized(),
                List.of(person(1, 8527, 0), person(2, 8557, 0), person(4, 0, 0)));
        assertThat(result.remaining).extracting(r -> r.get("race_concept_id")).containsExactly(8527, 2000000001, 2100000001);
    }

    @Test
    void controlled_keepsRaces() {
        var result = kit("controlled").run(new RaceGeneralized(), answers);
        assertThat(result.sandboxed).isEmpty();
        assertThat(result.remaining).hasSize(5);
    }
}
