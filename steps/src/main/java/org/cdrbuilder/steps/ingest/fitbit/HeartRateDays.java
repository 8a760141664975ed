package org.cdrbuilder.steps.ingest.fitbit;

import static org.cdrbuilder.steps.ingest.fitbit.WearableTables.HEART_RATE_SUMMARY;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the {@code activities-heart} array: one {@code heart_rate_summary} row per entry of each day's
 * {@code heartRateZones} (a day's few zones are held until the day's {@code dateTime} is known).
 * {@code customHeartRateZones} and the resting heart rate ({@code value}) have no column and are not read.
 */
final class HeartRateDays {
    private final FitbitRows rows;
    private LocalDate firstDay;

    private record Zone(JsonValue name, JsonValue min, JsonValue max, JsonValue minutes, JsonValue calories,
                        long line, String pointer) {
    }

    HeartRateDays(FitbitRows rows) {
        this.rows = rows;
    }

    /** The valid {@code dateTime} of the array's first entry, or null: the day of a 1d intraday dataset. */
    LocalDate firstDay() {
        return firstDay;
    }

    /** Reads the array the parser is on. */
    void read(JsonParser p) throws IOException {
        if (!Pointers.expect(p, JsonToken.START_ARRAY, rows, HEART_RATE_SUMMARY)) {
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (Pointers.expect(p, JsonToken.START_OBJECT, rows, HEART_RATE_SUMMARY)) {
                LocalDate day = day(p);
                if (index == 0) {
                    firstDay = day;
                }
            }
            index++;
        }
    }

    private LocalDate day(JsonParser p) throws IOException {
        JsonValue dateTime = null;
        List<Zone> zones = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "dateTime" -> dateTime = JsonValue.read(p);
                case "heartRateZones" -> zones(p, zones);
                // the current Web API nests the zones in "value"; older responses (the Shimmer fixtures) do not
                case "value" -> {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if (inner.equals("heartRateZones")) {
                                zones(p, zones);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        LocalDate day = null;
        Violation noDay = null;
        try {
            day = (LocalDate) JsonValue.required(HEART_RATE_SUMMARY.column("date"), dateTime);
        } catch (ValueException e) {
            noDay = new Violation("date", "heart rate day without a valid dateTime: " + e.getMessage(),
                    dateTime == null ? null : dateTime.text());
        }
        for (Zone zone : zones) {
            emit(zone, day, noDay);
        }
        return day;
    }

    private void zones(JsonParser p, List<Zone> zones) throws IOException {
        if (!Pointers.expect(p, JsonToken.START_ARRAY, rows, HEART_RATE_SUMMARY)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = Pointers.line(p);
            if (Pointers.expect(p, JsonToken.START_OBJECT, rows, HEART_RATE_SUMMARY)) {
                zones.add(zone(p, line));
            }
        }
    }

    private static Zone zone(JsonParser p, long line) throws IOException {
        JsonValue name = null;
        JsonValue min = null;
        JsonValue max = null;
        JsonValue minutes = null;
        JsonValue calories = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = JsonValue.read(p);
                case "min" -> min = JsonValue.read(p);
                case "max" -> max = JsonValue.read(p);
                case "minutes" -> minutes = JsonValue.read(p);
                case "caloriesOut" -> calories = JsonValue.read(p);
                default -> p.skipChildren();
            }
        }
        return new Zone(name, min, max, minutes, calories, line, Pointers.here(p));
    }

    private void emit(Zone zone, LocalDate day, Violation noDay) {
        if (day == null) {
            rows.quarantine(HEART_RATE_SUMMARY, zone.line, zone.pointer, noDay);
            return;
        }
        try {
            Row row = rows.row(HEART_RATE_SUMMARY).set("date", day);
            rows.set(row, "zone_name", zone.name);
            rows.set(row, "min_heart_rate", zone.min);
            rows.set(row, "max_heart_rate", zone.max);
            rows.set(row, "minute_in_zone", zone.minutes);
            rows.set(row, "calorie_count", zone.calories);
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantine(HEART_RATE_SUMMARY, zone.line, zone.pointer, e.violation());
        }
    }
}
