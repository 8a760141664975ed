package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.ACTIVITY_SUMMARY;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The top-level {@code summary} object of a daily activity body ({@code /activities/date/{date}.json}), held until
 * the whole body has been read: a sleep body has a {@code summary} too, and the day may come from a
 * {@code dateTime} later in the body. Nested parts ({@code distances}, {@code heartRateZones}) have no column.
 */
final class ActivitySummary {
    /** Fitbit field -> activity_summary column. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("activityCalories", "activity_calories"),
            Map.entry("caloriesBMR", "calories_bmr"),
            Map.entry("caloriesOut", "calories_out"),
            Map.entry("elevation", "elevation"),
            Map.entry("fairlyActiveMinutes", "fairly_active_minutes"),
            Map.entry("floors", "floors"),
            Map.entry("lightlyActiveMinutes", "lightly_active_minutes"),
            Map.entry("marginalCalories", "marginal_calories"),
            Map.entry("sedentaryMinutes", "sedentary_minutes"),
            Map.entry("steps", "steps"),
            Map.entry("veryActiveMinutes", "very_active_minutes"));

    private final JsonValue[] values = new JsonValue[ACTIVITY_SUMMARY.columnCount()];
    private final long line;
    private String pointer;
    private JsonValue dateTime;
    private boolean hasActivityFields;

    private ActivitySummary(long line) {
        this.line = line;
    }

    /** Reads the {@code summary} object the parser is on. */
    static ActivitySummary read(JsonParser p) throws IOException {
        ActivitySummary s = new ActivitySummary(Pointers.line(p));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            String column = COLUMNS.get(name);
            if (column != null) {
                s.values[ACTIVITY_SUMMARY.indexOf(column)] = JsonValue.read(p);
                s.hasActivityFields = true;
            } else if (name.equals("dateTime")) {
                s.dateTime = JsonValue.read(p);
            } else {
                p.skipChildren();
            }
        }
        s.pointer = Pointers.here(p);
        return s;
    }

    /** True when the object has any daily-activity field (a sleep summary has none). */
    boolean hasActivityFields() {
        return hasActivityFields;
    }

    /**
     * Writes the row, or quarantines it. The day is the file name's date, else the summary's or the body's
     * {@code dateTime}, else there is none and the row is quarantined.
     */
    void emit(FitbitRows rows, LocalDate fileDate, JsonValue bodyDateTime) {
        JsonValue givenDate = dateTime != null ? dateTime : bodyDateTime;
        try {
            Row row = rows.row(ACTIVITY_SUMMARY).set("date", fileDate != null ? fileDate : date(givenDate));
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    rows.set(row, ACTIVITY_SUMMARY.column(i).name(), values[i]);
                }
            }
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantine(ACTIVITY_SUMMARY, line, pointer, e.violation());
        }
    }

    private static LocalDate date(JsonValue givenDate) {
        if (givenDate == null || givenDate.token() == JsonToken.VALUE_NULL) {
            throw new BadField(new Violation("date", "daily activity summary without a date: the file name has no "
                    + "yyyy-MM-dd date and the body no dateTime", null));
        }
        try {
            return (LocalDate) JsonValue.required(ACTIVITY_SUMMARY.column("date"), givenDate);
        } catch (ValueException e) {
            throw FitbitRows.bad("date", e, givenDate);
        }
    }
}
