package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.SLEEP_DAILY_SUMMARY;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.SLEEP_LEVEL;

import java.io.IOException;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the {@code sleep} array of a sleep body (one date or a range): per log one {@code sleep_daily_summary} row
 * and one {@code sleep_level} row per {@code levels.data} segment. The per-level minutes come from
 * {@code levels.summary.<level>.minutes} by level name, so a classic log (asleep/restless/awake) fills
 * {@code minute_restless} and a stages log (deep/light/rem/wake) fills {@code minute_deep}, {@code minute_light},
 * {@code minute_rem} and {@code minute_wake}. {@code levels.shortData} (short wakes that overlap the
 * {@code data} segments) is not read: writing it would count those minutes twice.
 * <p>
 * Segments stream to the sink while {@code levels.data} is parsed when the log's {@code dateOfSleep} and
 * {@code isMainSleep} came before {@code levels} (Fitbit's own order); otherwise the array is streamed in a second
 * pass once the log has been read ({@link DeferredArrays}).
 */
final class SleepLogs {
    /** Fitbit sleep log field -> sleep_daily_summary column. */
    private static final Map<String, String> LOG_COLUMNS = Map.of(
            "timeInBed", "minute_in_bed",
            "minutesAsleep", "minute_asleep",
            "minutesAfterWakeup", "minute_after_wakeup",
            "minutesAwake", "minute_awake");

    /** Level name in {@code levels.summary} -> sleep_daily_summary column. */
    private static final Map<String, String> LEVEL_COLUMNS = Map.of(
            "restless", "minute_restless",
            "deep", "minute_deep",
            "light", "minute_light",
            "rem", "minute_rem",
            "wake", "minute_wake");

    /** What is held of one log while it is read: a handful of values, never its segments. */
    private static final class Log {
        final JsonValue[] values = new JsonValue[SLEEP_DAILY_SUMMARY.columnCount()];
        JsonValue dateOfSleep;
        JsonValue isMainSleep;
        boolean mainSleepSeen;
        String deferredData;
        Violation problem;

        /** The log's date and main-sleep flag, when both have been read (a missing flag is read as absent). */
        SleepContext contextSoFar() {
            return dateOfSleep != null && mainSleepSeen ? SleepContext.of(dateOfSleep, isMainSleep) : null;
        }
    }

    private final FitbitRows rows;
    private final DeferredArrays deferred;

    SleepLogs(FitbitRows rows, DeferredArrays deferred) {
        this.rows = rows;
        this.deferred = deferred;
    }

    /** Reads the array the parser is on. */
    void read(JsonParser p) throws IOException {
        if (!Pointers.expect(p, JsonToken.START_ARRAY, rows, SLEEP_DAILY_SUMMARY)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (Pointers.expect(p, JsonToken.START_OBJECT, rows, SLEEP_DAILY_SUMMARY)) {
                log(p);
            }
        }
    }

    private void log(JsonParser p) throws IOException {
        long line = Pointers.line(p);
        Log log = new Log();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            String column = LOG_COLUMNS.get(name);
            if (column != null) {
                log.values[SLEEP_DAILY_SUMMARY.indexOf(column)] = JsonValue.read(p);
            } else if (name.equals("dateOfSleep")) {
                log.dateOfSleep = JsonValue.read(p);
            } else if (name.equals("isMainSleep")) {
                log.isMainSleep = JsonValue.read(p);
                log.mainSleepSeen = true;
            } else if (name.equals("levels")) {
                levels(p, log);
            } else {
                p.skipChildren();
            }
        }
        SleepContext context = SleepContext.of(log.dateOfSleep, log.isMainSleep);
        summary(line, Pointers.here(p), context, log);
        if (log.deferredData != null) {
            deferred.add(log.deferredData, parser -> SleepLevels.read(parser, context, rows));
        }
    }

    private void levels(JsonParser p, Log log) throws IOException {
        if (!isObject(p, log, null, "levels is not an object")) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            SleepContext known = log.contextSoFar();
            if (name.equals("data") && known != null) {
                SleepLevels.read(p, known, rows);
            } else if (name.equals("data") && Pointers.expect(p, JsonToken.START_ARRAY, rows, SLEEP_LEVEL)) {
                log.deferredData = Pointers.here(p);
                p.skipChildren();
            } else if (name.equals("summary") && isObject(p, log, null, "levels.summary is not an object")) {
                levelMinutes(p, log);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void levelMinutes(JsonParser p, Log log) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = LEVEL_COLUMNS.get(p.currentName());
            p.nextToken();
            if (column == null) {
                p.skipChildren();
            } else if (isObject(p, log, column, "levels.summary entry is not an object")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("minutes")) {
                        log.values[SLEEP_DAILY_SUMMARY.indexOf(column)] = JsonValue.read(p);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
    }

    /** True on an object; otherwise skips the value and makes it the problem that quarantines the log's summary. */
    private static boolean isObject(JsonParser p, Log log, String column, String reason) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        log.problem = new Violation(column, reason, JsonValue.read(p).text());
        return false;
    }

    private void summary(long line, String pointer, SleepContext context, Log log) {
        Violation problem = context.problem() != null ? context.problem() : log.problem;
        if (problem != null) {
            rows.quarantine(SLEEP_DAILY_SUMMARY, line, pointer, problem);
            return;
        }
        try {
            Row row = rows.row(SLEEP_DAILY_SUMMARY)
                    .set("sleep_date", context.sleepDate())
                    .set("is_main_sleep", context.isMainSleep());
            for (int i = 0; i < log.values.length; i++) {
                if (log.values[i] != null) {
                    rows.set(row, SLEEP_DAILY_SUMMARY.column(i).name(), log.values[i]);
                }
            }
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantine(SLEEP_DAILY_SUMMARY, line, pointer, e.violation());
        }
    }
}
