package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.SLEEP_LEVEL;

import java.io.IOException;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Streams a sleep log's {@code levels.data} array ({@code [{"dateTime", "level", "seconds"}, ...]}) into one
 * {@code sleep_level} row per segment, written as soon as it is parsed. Any level text is written as it comes (a
 * cleaning rule removes levels outside the known set); a segment without a level, a valid start or a numeric
 * duration is quarantined alone.
 */
final class SleepLevels {
    private SleepLevels() {
    }

    /** Reads the array the parser is on. */
    static void read(JsonParser p, SleepContext log, FitbitRows rows) throws IOException {
        if (!Pointers.expect(p, JsonToken.START_ARRAY, rows, SLEEP_LEVEL)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = Pointers.line(p);
            if (p.currentToken() != JsonToken.START_OBJECT) {
                JsonValue v = JsonValue.read(p);
                rows.quarantineHere(SLEEP_LEVEL, line, p, new Violation(null, "sleep level is not an object", v.text()));
                continue;
            }
            JsonValue start = null;
            JsonValue level = null;
            JsonValue seconds = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "dateTime" -> start = JsonValue.read(p);
                    case "level" -> level = JsonValue.read(p);
                    case "seconds" -> seconds = JsonValue.read(p);
                    default -> p.skipChildren();
                }
            }
            segment(p, line, log, rows, start, level, seconds);
        }
    }

    private static void segment(JsonParser p, long line, SleepContext log, FitbitRows rows, JsonValue start,
                                JsonValue level, JsonValue seconds) {
        if (log.problem() != null) {
            rows.quarantineHere(SLEEP_LEVEL, line, p, log.problem());
            return;
        }
        try {
            Row row = rows.row(SLEEP_LEVEL).set("sleep_date", log.sleepDate()).set("is_main_sleep", log.isMainSleep());
            rows.setRequired(row, "level", level);
            rows.setRequired(row, "start_datetime", start);
            row.set("duration_in_min", minutes(seconds));
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantineHere(SLEEP_LEVEL, line, p, e.violation());
        }
    }

    private static double minutes(JsonValue seconds) {
        try {
            return (Double) JsonValue.required(SLEEP_LEVEL.column("duration_in_min"), seconds) / 60.0;
        } catch (ValueException e) {
            throw FitbitRows.bad("duration_in_min", e, seconds);
        }
    }
}
