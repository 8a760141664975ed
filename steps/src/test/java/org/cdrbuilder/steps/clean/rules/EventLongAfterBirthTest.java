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

/** event_long_after_birth: rows loaded / sandboxed / remaining. */
class EventLongAfterBirthTest {
    @TempDir
    Path tmp;

    static Row measurement(long id, LocalDate date) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", 3025315,
                "measurement_date", date, "measurement_type_concept_id", 32817);
    }

    @Test
    void the150thBirthdayStays_theDayAfterIsRemoved() {
        // A birth year before 1900 is removed by birth_year_implausible in a build; the rule is tested alone here.
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.birthDate = LocalDate.of(1875, 6, 15));
        Row onBirthday = measurement(10, LocalDate.of(2025, 6, 15));
        Row dayAfter = measurement(11, LocalDate.of(2025, 6, 16));
        Row younger = measurement(12, LocalDate.of(1990, 1, 1));
        var result = kit.run(new EventLongAfterBirth(), new RowOrigin("pm", null), List.of(onBirthday, dayAfter, younger));

        assertThat(result.remaining).containsExactly(onBirthday, younger);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("event_long_after_birth");
            assertThat(s.before()).isEqualTo(dayAfter);
            assertThat(s.reason()).doesNotContainPattern("\\d");
        });
    }

    @Test
    void maximumAgeComesFromTheParameters() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).parameters(p -> p.maximumAgeYears = 50);
        var result = kit.run(new EventLongAfterBirth(), List.of(measurement(10, LocalDate.of(2020, 1, 1)),
                measurement(11, LocalDate.of(2020, 1, 2))));
        assertThat(result.remaining).containsExactly(measurement(10, LocalDate.of(2020, 1, 1)));
        assertThat(result.removed()).containsExactly(measurement(11, LocalDate.of(2020, 1, 2)));
    }
}
