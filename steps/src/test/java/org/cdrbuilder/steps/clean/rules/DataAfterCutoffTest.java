package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.CUTOFF;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data_after_cutoff: rows loaded / sandboxed / remaining. */
class DataAfterCutoffTest {
    @TempDir
    Path tmp;

    static Row condition(long id, LocalDate start) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", 1L,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_type_concept_id", 32817);
    }

    @Test
    void ehrRows_cutoffDayStays_dayAfterIsRemoved() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row onCutoff = condition(10, CUTOFF);
        Row dayAfter = condition(11, CUTOFF.plusDays(1));
        var result = kit.run(new DataAfterCutoff(), List.of(onCutoff, dayAfter, condition(12, LocalDate.of(2020, 1, 1))));

        assertThat(result.remaining).extracting(r -> r.get("condition_occurrence_id")).containsExactly(10L, 12L);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("data_after_cutoff");
            assertThat(s.action()).isEqualTo("removed");
            assertThat(s.before()).isEqualTo(dayAfter);
            assertThat(s.reason()).isEqualTo("dated after the release cutoff").doesNotContainPattern("\\d");
        });
    }

    @Test
    void participantProvidedRows_areCutToo_includingTimestampsOfTheDayAfter() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row answer = row("observation", "observation_id", 20L, "person_id", 1L, "observation_concept_id", 1585838,
                "observation_date", CUTOFF.plusDays(1), "observation_type_concept_id", 45905771);
        var survey = kit.run(new DataAfterCutoff(), new RowOrigin("survey", null), List.of(answer));
        assertThat(survey.remaining).isEmpty();
        assertThat(survey.removed()).containsExactly(answer);

        Row lastMinute = row("steps_intraday", "person_id", 1L, "datetime", CUTOFF.atTime(23, 59), "steps", 12.0);
        Row nextDay = row("steps_intraday", "person_id", 1L, "datetime", CUTOFF.plusDays(1).atStartOfDay(), "steps", 3.0);
        var fitbit = kit.run(new DataAfterCutoff(), new RowOrigin("fitbit", null), List.of(lastMinute, nextDay));
        assertThat(fitbit.remaining).containsExactly(lastMinute);
        assertThat(fitbit.removed()).containsExactly(nextDay);
    }

    @Test
    void rowsWithoutAnEventDate_stay() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row noDate = condition(10, null);
        var result = kit.run(new DataAfterCutoff(), List.of(noDate));
        assertThat(result.remaining).containsExactly(noDate);
        assertThat(result.sandboxed).isEmpty();
    }
}
