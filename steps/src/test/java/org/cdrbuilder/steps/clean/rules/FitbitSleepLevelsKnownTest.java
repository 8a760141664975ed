package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitbit_sleep_levels_known: rows loaded / sandboxed / remaining. */
class FitbitSleepLevelsKnownTest {
    static final RowOrigin FITBIT = new RowOrigin("fitbit", null);

    @TempDir
    Path tmp;

    static Row level(String level) {
        return row("sleep_level", "person_id", 1L, "sleep_date", LocalDate.of(2021, 1, 1), "is_main_sleep", "true",
                "level", level, "duration_in_min", 30.0);
    }

    @Test
    void levelsOutsideTheKnownSet_removed() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> known = List.of("asleep", "restless", "awake", "deep", "light", "rem", "wake").stream()
                .map(FitbitSleepLevelsKnownTest::level).toList();
        List<Row> unknown = List.of(level("unknown"), level("Deep"), level(null), level(""));
        List<Row> all = new ArrayList<>(known);
        all.addAll(unknown);

        var result = kit.run(new FitbitSleepLevelsKnown(), FITBIT, all);

        assertThat(result.remaining).containsExactlyElementsOf(known);
        assertThat(result.removed()).containsExactlyElementsOf(unknown);
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("fitbit_sleep_levels_known");
            assertThat(s.reason()).doesNotContain("unknown");
        });
    }

    @Test
    void theKnownSetIsAParameter() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).parameters(p -> p.fitbitSleepLevels = List.of("deep"));
        var result = kit.run(new FitbitSleepLevelsKnown(), FITBIT, List.of(level("deep"), level("light")));
        assertThat(result.remaining).containsExactly(level("deep"));
    }
}
