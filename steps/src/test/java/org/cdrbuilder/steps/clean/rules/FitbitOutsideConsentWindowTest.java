package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.FitbitSleepLevelsKnownTest.FITBIT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitbit_outside_consent_window: rows loaded / sandboxed / remaining, for every wearables table. */
class FitbitOutsideConsentWindowTest {
    static final LocalDate CONSENT = LocalDate.of(2019, 1, 1);

    @TempDir
    Path tmp;

    /** One row of each wearables table, dated {@code day}. */
    static List<Row> rowsOn(long person, LocalDate day) {
        return List.of(
                row("activity_summary", "person_id", person, "date", day, "steps", 1000),
                row("heart_rate_minute_level", "person_id", person, "datetime", day.atTime(23, 59), "heart_rate_value", 60),
                row("heart_rate_summary", "person_id", person, "date", day, "zone_name", "Cardio"),
                row("steps_intraday", "person_id", person, "datetime", day.atTime(0, 0), "steps", 12.0),
                row("sleep_daily_summary", "person_id", person, "sleep_date", day, "minute_asleep", 400),
                row("sleep_level", "person_id", person, "sleep_date", day, "level", "deep"),
                row("device", "person_id", person, "device_date", day, "device_id", "d1"));
    }

    @Test
    void everyWearablesRowDatedBeforeThePrimaryConsent_removed_theConsentDayKept() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.primaryConsentDate = CONSENT);
        List<Row> before = rowsOn(1, CONSENT.minusDays(1));
        List<Row> onTheDay = rowsOn(1, CONSENT);
        List<Row> all = new ArrayList<>(before);
        all.addAll(onTheDay);

        var result = kit.run(new FitbitOutsideConsentWindow(), FITBIT, all);

        assertThat(result.removed()).containsExactlyElementsOf(before);
        assertThat(result.remaining).containsExactlyElementsOf(onTheDay);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("fitbit_outside_consent_window"));
    }

    @Test
    void coversExactlyTheWearablesTables() {
        assertThat(new FitbitOutsideConsentWindow().info().tables()).containsExactly("activity_summary", "device",
                "heart_rate_minute_level", "heart_rate_summary", "sleep_daily_summary", "sleep_level", "steps_intraday");
    }

    @Test
    void rowsWithoutADate_orOfUnknownPeople_areLeftToOtherRules() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row undated = row("device", "person_id", 1L, "device_id", "d1");
        Row stranger = row("activity_summary", "person_id", 2L, "date", LocalDate.of(2000, 1, 1));
        var result = kit.run(new FitbitOutsideConsentWindow(), FITBIT, List.of(undated, stranger));
        assertThat(result.remaining).containsExactly(undated, stranger);
    }
}
