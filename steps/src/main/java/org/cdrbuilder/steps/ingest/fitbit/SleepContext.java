package org.cdrbuilder.steps.ingest.fitbit;

import java.time.LocalDate;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;

/**
 * What every row of one sleep log shares: its date ({@code dateOfSleep}) and whether it is the main sleep; or, when
 * they are unusable, the violation that quarantines every row of the log.
 */
record SleepContext(LocalDate sleepDate, String isMainSleep, Violation problem) {

    static SleepContext of(JsonValue dateOfSleep, JsonValue isMainSleep) {
        LocalDate date;
        try {
            date = (LocalDate) JsonValue.required(WearableTables.SLEEP_LEVEL.column("sleep_date"), dateOfSleep);
        } catch (ValueException e) {
            return failed(new Violation("sleep_date", "sleep log without a valid dateOfSleep: " + e.getMessage(),
                    dateOfSleep == null ? null : dateOfSleep.text()));
        }
        try {
            return new SleepContext(date, JsonValue.flag(isMainSleep), null);
        } catch (ValueException e) {
            return failed(new Violation("is_main_sleep", "isMainSleep " + e.getMessage(), isMainSleep.text()));
        }
    }

    private static SleepContext failed(Violation problem) {
        return new SleepContext(null, null, problem);
    }
}
