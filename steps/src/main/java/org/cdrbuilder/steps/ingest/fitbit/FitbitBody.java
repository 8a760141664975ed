package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.ACTIVITY_SUMMARY;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.DEVICE;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.HEART_RATE_MINUTE_LEVEL;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.HEART_RATE_SUMMARY;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.SLEEP_DAILY_SUMMARY;
import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.STEPS_INTRADAY;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The first pass over one Fitbit body: recognises the endpoint from the top-level keys as they come and hands each
 * section to its reader. What must wait for the end of the body (the activity {@code summary}, whose day and kind
 * are known only then) is held; arrays that cannot be streamed yet are left to {@link DeferredArrays}.
 */
final class FitbitBody {
    private static final int KEYS_SHOWN = 5;

    private final FitbitRows rows;
    private final LocalDate fileDate;
    private final DeferredArrays deferred = new DeferredArrays();
    private final HeartRateDays heartDays;
    private final SleepLogs sleepLogs;
    private final IntradayDataset heartIntraday;
    private final IntradayDataset stepsIntraday;
    private final List<String> otherKeys = new ArrayList<>();
    private TableDef table = ACTIVITY_SUMMARY;
    private boolean recognised;
    private boolean heartDaysRead;
    private boolean stepsDaysRead;
    private LocalDate stepsDay;
    private boolean sleepBody;
    private boolean activityBody;
    private ActivitySummary summary;
    private JsonValue bodyDateTime;

    FitbitBody(FitbitRows rows, LocalDate fileDate) {
        this.rows = rows;
        this.fileDate = fileDate;
        this.heartDays = new HeartRateDays(rows);
        this.sleepLogs = new SleepLogs(rows, deferred);
        this.heartIntraday = new IntradayDataset(rows, HEART_RATE_MINUTE_LEVEL, "heart_rate_value");
        this.stepsIntraday = new IntradayDataset(rows, STEPS_INTRADAY, "steps");
    }

    /** The table of the section being read (activity_summary before any is recognised), for a file that breaks. */
    TableDef table() {
        return table;
    }

    DeferredArrays deferred() {
        return deferred;
    }

    /** Reads the body from the parser's start. */
    void read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            rows.unrecognised("empty file");
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            object(p);
        } else if (t == JsonToken.START_ARRAY) {
            table = DEVICE;
            if (!Devices.read(p, rows)) {
                rows.unrecognised("an array of something other than devices");
            }
        } else {
            rows.unrecognised("a single JSON value");
        }
        if (p.nextToken() != null) {
            rows.fileProblem(table, Pointers.line(p), null,
                    "more than one JSON value in the file; only the first was read", null);
        }
    }

    private void object(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "activities-heart" -> {
                    section(HEART_RATE_SUMMARY);
                    heartDays.read(p);
                    heartDaysRead = true;
                }
                case "activities-heart-intraday" -> {
                    section(HEART_RATE_MINUTE_LEVEL);
                    intraday(p, heartIntraday, heartDaysRead, this::heartDay);
                }
                case "activities-steps" -> {
                    // a daily steps time series has no table of its own: only its first day is read
                    section(STEPS_INTRADAY);
                    stepsDay = firstDay(p);
                    stepsDaysRead = true;
                }
                case "activities-steps-intraday" -> {
                    section(STEPS_INTRADAY);
                    intraday(p, stepsIntraday, stepsDaysRead, this::stepsDay);
                }
                case "sleep" -> {
                    section(SLEEP_DAILY_SUMMARY);
                    sleepBody = true;
                    sleepLogs.read(p);
                }
                case "weight" -> {
                    // body weight logs have no wearables table
                    recognised = true;
                    p.skipChildren();
                }
                case "summary" -> summary(p);
                case "activities", "goals" -> {
                    activityBody = true;
                    p.skipChildren();
                }
                case "dateTime" -> bodyDateTime = JsonValue.read(p);
                default -> {
                    if (otherKeys.size() < KEYS_SHOWN) {
                        otherKeys.add(name);
                    }
                    p.skipChildren();
                }
            }
        }
        finish();
    }

    private void section(TableDef sectionTable) {
        recognised = true;
        table = sectionTable;
    }

    private void summary(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            // a break inside an activity summary is reported against activity_summary
            TableDef before = table;
            table = sleepBody ? table : ACTIVITY_SUMMARY;
            summary = ActivitySummary.read(p);
            table = before;
        } else {
            p.skipChildren();
        }
    }

    /** At the end of the body: the activity summary, if this is a daily activity body, and recognition. */
    private void finish() {
        boolean activitySummary = !sleepBody && summary != null && (summary.hasActivityFields() || activityBody);
        if (activitySummary) {
            recognised = true;
            summary.emit(rows, fileDate, bodyDateTime);
        } else if (activityBody && !sleepBody) {
            recognised = true;
            rows.fileProblem(ACTIVITY_SUMMARY, null, "/summary", "daily activity body without a summary", null);
        }
        if (!recognised) {
            rows.unrecognised(otherKeys.isEmpty() ? "an object without Fitbit keys"
                    : "top-level keys " + String.join(", ", otherKeys));
        }
    }

    /**
     * Reads an {@code activities-*-intraday} object. Its {@code dataset} streams at once when the day section was
     * read before it (Fitbit's order); otherwise it waits for the second pass, when the whole body is known.
     */
    private void intraday(JsonParser p, IntradayDataset dataset, boolean dayFinal, Supplier<LocalDate> day)
            throws IOException {
        if (!Pointers.expect(p, JsonToken.START_OBJECT, rows, table)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("dataset") && dayFinal) {
                dataset.read(p, day.get());
            } else if (name.equals("dataset") && Pointers.expect(p, JsonToken.START_ARRAY, rows, table)) {
                deferred.add(Pointers.here(p), parser -> dataset.read(parser, day.get()));
                p.skipChildren();
            } else {
                p.skipChildren();
            }
        }
    }

    /** The intraday day: {@code activities-heart[0].dateTime}, else the file name's date, else unknown (null). */
    private LocalDate heartDay() {
        return heartDays.firstDay() != null ? heartDays.firstDay() : fileDate;
    }

    private LocalDate stepsDay() {
        return stepsDay != null ? stepsDay : fileDate;
    }

    /** The valid {@code dateTime} of the first entry of a daily time series array, or null. */
    private LocalDate firstDay(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        LocalDate first = null;
        boolean atFirst = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (atFirst && p.currentToken() == JsonToken.START_OBJECT) {
                first = dateTimeOf(p);
            } else {
                p.skipChildren();
            }
            atFirst = false;
        }
        return first;
    }

    private static LocalDate dateTimeOf(JsonParser p) throws IOException {
        LocalDate date = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            JsonValue v = JsonValue.read(p);
            if (name.equals("dateTime") && v.token() == JsonToken.VALUE_STRING) {
                try {
                    date = JsonValue.date(v.text());
                } catch (ValueException e) {
                    date = null;
                }
            }
        }
        return date;
    }
}
