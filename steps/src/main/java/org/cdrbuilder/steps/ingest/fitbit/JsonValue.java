package org.cdrbuilder.steps.ingest.fitbit;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.schema.ColumnDef;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One JSON value as read from a Fitbit body: its token kind and its text (null for JSON null and for objects and
 * arrays, which are skipped). Converts to the value class of a column; failures throw {@link ValueException} with a
 * reason that never contains the value.
 */
record JsonValue(JsonToken token, String text) {

    /** Reads the value at the parser's current token, skipping it whole when it is an object or an array. */
    static JsonValue read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return new JsonValue(t, null);
        }
        return new JsonValue(t, t == JsonToken.VALUE_NULL ? null : p.getText());
    }

    /** The value of {@code v} for {@code column}: null when absent, JSON null or empty text. */
    static Object convert(ColumnDef column, JsonValue v) {
        if (v == null || v.token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.token == JsonToken.START_OBJECT || v.token == JsonToken.START_ARRAY) {
            throw new ValueException("an object or array where a single value is expected");
        }
        return switch (column.type()) {
            case DATE -> v.text.isEmpty() ? null : date(v.text);
            case TIMESTAMP -> v.text.isEmpty() ? null : dateTime(v.text);
            default -> ValueParser.parse(column, v.text);
        };
    }

    /** Like {@link #convert} but a missing value is a failure. */
    static Object required(ColumnDef column, JsonValue v) {
        Object value = convert(column, v);
        if (value == null) {
            throw new ValueException("missing");
        }
        return value;
    }

    /** A JSON boolean (or the text true/false) as the text "true" or "false"; null when absent. */
    static String flag(JsonValue v) {
        if (v == null || v.token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.token == JsonToken.VALUE_TRUE || v.token == JsonToken.VALUE_FALSE) {
            return v.text;
        }
        String t = v.text == null ? "" : v.text.trim().toLowerCase(Locale.ROOT);
        if (v.token == JsonToken.VALUE_STRING && (t.equals("true") || t.equals("false"))) {
            return t;
        }
        throw new ValueException("not true or false");
    }

    /** A time of day ({@code HH:mm[:ss]}) of an intraday point. */
    static LocalTime timeOfDay(JsonValue v) {
        if (v == null || v.token == JsonToken.VALUE_NULL) {
            throw new ValueException("missing time");
        }
        if (v.token != JsonToken.VALUE_STRING) {
            throw new ValueException("time is not text (expected HH:mm:ss)");
        }
        LocalTime plain = plainTime(v.text);
        if (plain != null) {
            return plain;
        }
        try {
            return LocalTime.parse(v.text.trim());
        } catch (DateTimeParseException e) {
            throw new ValueException("not a time of day (expected HH:mm:ss)");
        }
    }

    /**
     * The common {@code HH:mm:ss} form read digit by digit (one per intraday minute: the formatter's general parser
     * was the build's single hottest method); null for any other text, which the ISO parser then decides on, so both
     * paths accept and refuse exactly the same values.
     */
    static LocalTime plainTime(String t) {
        if (t.length() != 8 || t.charAt(2) != ':' || t.charAt(5) != ':') {
            return null;
        }
        int h = twoDigits(t, 0);
        int m = twoDigits(t, 3);
        int s = twoDigits(t, 6);
        if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59) {
            return null;
        }
        return LocalTime.of(h, m, s);
    }

    private static int twoDigits(String t, int at) {
        char a = t.charAt(at);
        char b = t.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValueException("not a date (expected yyyy-MM-dd)");
        }
    }

    /** A local wall time as Fitbit writes it; a value with a zone or offset is refused rather than converted. */
    static LocalDateTime dateTime(String text) {
        try {
            return LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValueException("not a local date-time (expected yyyy-MM-ddTHH:mm:ss[.SSS], no offset)");
        }
    }
}
