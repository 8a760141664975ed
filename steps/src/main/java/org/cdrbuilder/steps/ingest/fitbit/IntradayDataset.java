package org.cdrbuilder.steps.ingest.fitbit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Streams an intraday {@code dataset} array ({@code [{"time": "HH:mm:ss", "value": n}, ...]}) into one row per
 * point, written as soon as the point is parsed; nothing but the previous point's time is kept. Points carry a time
 * of day only: the first point is on the start day, and the day advances by one each time the time of day goes
 * backwards (a 24-hour window across midnight, or a file holding consecutive days). A point without a valid time
 * or numeric value is quarantined alone.
 */
final class IntradayDataset {
    static final String UNKNOWN_DAY =
            "the day of the intraday dataset is unknown: no valid dateTime in the body and no yyyy-MM-dd in the file name";

    private final FitbitRows rows;
    private final TableDef table;
    private final String valueColumn;

    IntradayDataset(FitbitRows rows, TableDef table, String valueColumn) {
        this.rows = requireNonNull(rows, "rows is null");
        this.table = requireNonNull(table, "table is null");
        this.valueColumn = requireNonNull(valueColumn, "valueColumn is null");
    }

    /** Reads the array the parser is on; {@code startDay} null quarantines every point. */
    void read(JsonParser p, LocalDate startDay) throws IOException {
        if (!Pointers.expect(p, JsonToken.START_ARRAY, rows, table)) {
            return;
        }
        LocalDate day = startDay;
        LocalTime previous = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = Pointers.line(p);
            if (p.currentToken() != JsonToken.START_OBJECT) {
                JsonValue v = JsonValue.read(p);
                rows.quarantineHere(table, line, p, new Violation(null, "intraday point is not an object", v.text()));
                continue;
            }
            JsonValue time = null;
            JsonValue value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "time" -> time = JsonValue.read(p);
                    case "value" -> value = JsonValue.read(p);
                    default -> p.skipChildren();
                }
            }
            LocalTime at;
            try {
                at = JsonValue.timeOfDay(time);
            } catch (ValueException e) {
                rows.quarantineHere(table, line, p, FitbitRows.bad("datetime", e, time).violation());
                continue;
            }
            if (day != null && previous != null && at.isBefore(previous)) {
                day = day.plusDays(1);
            }
            previous = at;
            point(p, line, day, at, value);
        }
    }

    private void point(JsonParser p, long line, LocalDate day, LocalTime at, JsonValue value) {
        if (day == null) {
            rows.quarantineHere(table, line, p, new Violation("datetime", UNKNOWN_DAY, at.toString()));
            return;
        }
        try {
            Row row = rows.row(table).set("datetime", day.atTime(at));
            rows.setRequired(row, valueColumn, value);
            rows.accept(row);
        } catch (BadField e) {
            rows.quarantineHere(table, line, p, e.violation());
        }
    }
}
