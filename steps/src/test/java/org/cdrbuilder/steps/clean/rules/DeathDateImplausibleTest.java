package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.CUTOFF;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** death_date_implausible: rows loaded / sandboxed / remaining. */
class DeathDateImplausibleTest {
    @TempDir
    Path tmp;

    static Row death(long person, LocalDate date) {
        return row("death", "person_id", person, "death_date", date, "death_type_concept_id", 32817);
    }

    @Test
    void programStartAndCutoffDaysStay_theDaysOutsideAreRemoved() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2).participant(3).participant(4);
        Row dayBeforeStart = death(1, LocalDate.of(2016, 12, 31));
        Row onStart = death(2, LocalDate.of(2017, 1, 1));
        Row onCutoff = death(3, CUTOFF);
        Row dayAfterCutoff = death(4, CUTOFF.plusDays(1));
        var result = kit.run(new DeathDateImplausible(), List.of(dayBeforeStart, onStart, onCutoff, dayAfterCutoff));

        assertThat(result.remaining).containsExactly(onStart, onCutoff);
        assertThat(result.removed()).containsExactly(dayBeforeStart, dayAfterCutoff);
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("death_date_implausible");
            assertThat(s.reason()).doesNotContainPattern("\\d");
        });
    }

    @Test
    void programStartComesFromTheParameters() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2)
                .parameters(p -> p.programStart = LocalDate.of(2018, 5, 6));
        var result = kit.run(new DeathDateImplausible(), List.of(death(1, LocalDate.of(2018, 5, 5)),
                death(2, LocalDate.of(2018, 5, 6))));
        assertThat(result.remaining).containsExactly(death(2, LocalDate.of(2018, 5, 6)));
    }
}
