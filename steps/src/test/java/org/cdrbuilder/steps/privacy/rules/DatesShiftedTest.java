package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.DAY;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.heartRate;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dates_shifted: every date and datetime moves back by the participant's shift (registered only). */
class DatesShiftedTest {
    @TempDir
    Path tmp;

    @Test
    void registered_shiftsEveryDateAndDatetime_byTheParticipantsOwnShift() {
        var kit = new RuleTestKit(tmp).participant(1).participant(2).tier("registered");
        var result = kit.run(new DatesShifted(), List.of(condition(1, 1, 0, null), condition(2, 2, 0, null),
                heartRate(1, DAY.atTime(23, 59))));
        int s1 = kit.keys().shiftDays(1);
        int s2 = kit.keys().shiftDays(2);
        assertThat(s1).isBetween(1, 364);
        assertThat(s2).isBetween(1, 364).isNotEqualTo(s1);
        var c1 = result.remaining.get(0);
        assertThat(c1.get("condition_start_date")).isEqualTo(DAY.minusDays(s1));
        assertThat(c1.get("condition_start_datetime")).isEqualTo(DAY.atTime(8, 30).minusDays(s1));
        assertThat(c1.get("condition_end_date")).isEqualTo(DAY.plusDays(3).minusDays(s1));
        assertThat(result.remaining.get(1).get("condition_start_date")).isEqualTo(DAY.minusDays(s2));
        assertThat(result.remaining.get(2).get("datetime")).isEqualTo(DAY.atTime(23, 59).minusDays(s1));
    }

    @Test
    void controlled_keepsRealDates() {
        var result = new RuleTestKit(tmp).participant(1).tier("controlled").run(new DatesShifted(),
                List.of(condition(1, 1, 0, null)));
        assertThat(result.sandboxed).isEmpty();
        assertThat(result.remaining.get(0).get("condition_start_date")).isEqualTo(DAY);
    }
}
