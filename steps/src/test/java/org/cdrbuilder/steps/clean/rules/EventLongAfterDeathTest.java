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

/** event_long_after_death: rows loaded / sandboxed / remaining; the death table is what {@code prepare} reads. */
class EventLongAfterDeathTest {
    private static final LocalDate DEATH = LocalDate.of(2022, 3, 1);

    @TempDir
    Path tmp;

    static Row death(long person, LocalDate date) {
        return row("death", "person_id", person, "death_date", date, "death_type_concept_id", 32817);
    }

    static Row condition(long id, long person, LocalDate start) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", person,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_type_concept_id", 32817);
    }

    @Test
    void the30thDayAfterDeathStays_theDayAfterIsRemoved() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2).table("death", List.of(death(1, DEATH)));
        Row day30 = condition(10, 1, DEATH.plusDays(30));
        Row day31 = condition(11, 1, DEATH.plusDays(31));
        Row alive = condition(12, 2, DEATH.plusYears(2));
        var result = kit.run(new EventLongAfterDeath(), List.of(day30, day31, alive));

        assertThat(result.remaining).containsExactly(day30, alive);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("event_long_after_death");
            assertThat(s.before()).isEqualTo(day31);
            assertThat(s.reason()).doesNotContainPattern("\\d");
        });
    }

    @Test
    void appliesToParticipantProvidedData_butNotToTheDeathItself() {
        assertThat(new EventLongAfterDeath().info().tables()).doesNotContain("death", "person");
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).table("death", List.of(death(1, DEATH)));
        Row steps = row("steps_intraday", "person_id", 1L, "datetime", DEATH.plusDays(31).atTime(8, 0), "steps", 40.0);
        var result = kit.run(new EventLongAfterDeath(), new RowOrigin("fitbit", null), List.of(steps));
        assertThat(result.removed()).containsExactly(steps);
    }

    @Test
    void usesTheEarliestPlausibleDeath_ignoringDeathsOutsideTheProgramDates() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).table("death", List.of(
                death(1, LocalDate.of(2016, 1, 1)), death(1, LocalDate.of(2024, 1, 1)), death(1, DEATH)));
        Row afterImplausibleDeath = condition(10, 1, DEATH.minusDays(1));
        Row afterEarliestPlausible = condition(11, 1, DEATH.plusDays(31));
        var result = kit.run(new EventLongAfterDeath(), List.of(afterImplausibleDeath, afterEarliestPlausible));

        assertThat(result.remaining).containsExactly(afterImplausibleDeath);
        assertThat(result.removed()).containsExactly(afterEarliestPlausible);
    }

    @Test
    void daysAfterDeathComesFromTheParameters() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).table("death", List.of(death(1, DEATH)))
                .parameters(p -> p.daysAfterDeath = 0);
        var result = kit.run(new EventLongAfterDeath(), List.of(condition(10, 1, DEATH), condition(11, 1, DEATH.plusDays(1))));
        assertThat(result.remaining).containsExactly(condition(10, 1, DEATH));
    }
}
