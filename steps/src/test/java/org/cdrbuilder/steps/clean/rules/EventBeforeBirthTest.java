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

/** event_before_birth: rows loaded / sandboxed / remaining. Test participants are born 1970-01-01. */
class EventBeforeBirthTest {
    private static final LocalDate BIRTH = LocalDate.of(1970, 1, 1);

    @TempDir
    Path tmp;

    static Row condition(long id, long person, LocalDate start) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", person,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_type_concept_id", 32817);
    }

    @Test
    void theBirthDateStays_theDayBeforeIsRemoved() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row onBirth = condition(10, 1, BIRTH);
        Row dayBefore = condition(11, 1, BIRTH.minusDays(1));
        Row later = condition(12, 1, LocalDate.of(2020, 1, 1));
        var result = kit.run(new EventBeforeBirth(), List.of(onBirth, dayBefore, later));

        assertThat(result.remaining).containsExactly(onBirth, later);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("event_before_birth");
            assertThat(s.before()).isEqualTo(dayBefore);
            assertThat(s.reason()).isEqualTo("dated before the participant's birth");
        });
    }

    @Test
    void appliesToEverySource_andToDeaths() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row answer = row("observation", "observation_id", 20L, "person_id", 1L, "observation_concept_id", 1585838,
                "observation_date", BIRTH.minusYears(1), "observation_type_concept_id", 45905771);
        var survey = kit.run(new EventBeforeBirth(), new RowOrigin("survey", null), List.of(answer));
        assertThat(survey.removed()).containsExactly(answer);

        Row death = row("death", "person_id", 1L, "death_date", BIRTH.minusDays(1));
        var ehr = kit.run(new EventBeforeBirth(), List.of(death));
        assertThat(ehr.removed()).containsExactly(death);
    }

    @Test
    void personTableAndUnknownBirthDates_areNotJudged() {
        assertThat(new EventBeforeBirth().info().tables()).doesNotContain("person");
        RuleTestKit kit = new RuleTestKit(tmp).participant(2, p -> p.birthDate = null);
        Row unknownBirth = condition(10, 2, LocalDate.of(1900, 1, 1));
        Row notInRegistry = condition(11, 3, LocalDate.of(1900, 1, 1));
        var result = kit.run(new EventBeforeBirth(), List.of(unknownBirth, notInRegistry));
        assertThat(result.remaining).containsExactly(unknownBirth, notInRegistry);
    }
}
