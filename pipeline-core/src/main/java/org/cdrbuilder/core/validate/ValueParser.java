package org.cdrbuilder.core.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/**
 * Parses text values of the raw inputs into the pipeline's value classes (see {@link org.cdrbuilder.core.row.Row}).
 * Accepts the date and datetime styles real feeds mix: {@code 2009-04-15}, {@code 20090415},
 * {@code 2009-04-15 05:00:00.000000 UTC}, {@code 1989-10-07 22:13:11.1533266}, ISO 8601 with {@code T},
 * {@code Z} or an offset (converted to UTC), and a date alone for a datetime (midnight).
 * Empty text is a missing value. Failures throw {@link ValueException} with a reason a person can act on; the
 * reason never contains the value itself (values may be identifying and are kept apart, in the work directory).
 */
public final class ValueParser {
    private ValueParser() {
    }

    /**
     * Parses {@code text} for column {@code column} of {@code table}; returns null for empty text. Row ids
     * ({@link TableDef#isRowId}) are longs of any size (sources have their own ids; harmonization replaces them), and
     * source values ({@code *_source_value}) are kept whole whatever their length: the cleaning rule
     * {@code source_values_truncated} cuts them to the column's length and counts it.
     */
    public static Object parse(TableDef table, int column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        ColumnDef c = table.column(column);
        if (table.isRowId(column)) {
            return parseLong(text);
        }
        if (isSourceValue(c)) {
            return text;
        }
        return parse(c, text);
    }

    /** Whether a column holds a source's verbatim value ({@code *_source_value}), which OMOP allows to be truncated. */
    public static boolean isSourceValue(ColumnDef column) {
        return column.type() == ColumnType.VARCHAR && column.name().endsWith("_source_value");
    }

    /** Parses {@code text} for {@code column}; returns null for empty text. */
    public static Object parse(ColumnDef column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (column.type()) {
            case BIGINT -> parseLong(text);
            case INTEGER -> parseInt(text);
            case DOUBLE -> parseDouble(text);
            case VARCHAR -> {
                if (column.maxLength() > 0 && text.length() > column.maxLength()) {
                    throw new ValueException("longer than " + column.maxLength() + " characters (" + text.length() + ")");
                }
                yield text;
            }
            case TEXT -> text;
            case DATE -> parseDate(text);
            case TIMESTAMP -> parseTimestamp(text);
            case BOOLEAN -> parseBoolean(text);
        };
    }

    public static long parseLong(String text) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // some exports write integers as "12.0"
            int dot = t.indexOf('.');
            if (dot > 0 && t.substring(dot + 1).chars().allMatch(ch -> ch == '0')) {
                try {
                    return Long.parseLong(t.substring(0, dot));
                } catch (NumberFormatException ignored) {
                    // fall through to the error below
                }
            }
            throw new ValueException("not an integer");
        }
    }

    public static int parseInt(String text) {
        long v = parseLong(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ValueException("integer out of range");
        }
        return (int) v;
    }

    public static double parseDouble(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ValueException("not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ValueException("not a number");
        }
    }

    public static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new ValueException("not a boolean");
        };
    }

    /** A date, or the date part of a datetime. */
    public static LocalDate parseDate(String text) {
        String t = text.trim();
        try {
            if (t.length() == 8 && allDigits(t, 0, 8)) {
                return LocalDate.of(num(t, 0, 4), num(t, 4, 6), num(t, 6, 8));
            }
            if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
                    && allDigits(t, 0, 4) && allDigits(t, 5, 7) && allDigits(t, 8, 10)) {
                LocalDate d = LocalDate.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10));
                if (t.length() == 10) {
                    return d;
                }
                // a datetime given for a date: validate the whole value, keep the date as written
                parseTimestamp(t);
                return d;
            }
        } catch (DateTimeException e) {
            throw new ValueException("not a valid calendar date");
        }
        throw new ValueException("not a date (expected YYYY-MM-DD or YYYYMMDD)");
    }

    /** A datetime in UTC. */
    public static LocalDateTime parseTimestamp(String text) {
        String t = text.trim();
        int n = t.length();
        if (n < 10 || t.charAt(4) != '-' || t.charAt(7) != '-' || !allDigits(t, 0, 4) || !allDigits(t, 5, 7)
                || !allDigits(t, 8, 10)) {
            if (n == 8 && allDigits(t, 0, 8)) {
                return parseDate(t).atStartOfDay();
            }
            throw new ValueException("not a datetime (expected YYYY-MM-DD[ HH:MM:SS[.ffffff]][ UTC|Z|+HH:MM])");
        }
        try {
            int year = num(t, 0, 4);
            int month = num(t, 5, 7);
            int day = num(t, 8, 10);
            if (n == 10) {
                return LocalDate.of(year, month, day).atStartOfDay();
            }
            char sep = t.charAt(10);
            if ((sep != ' ' && sep != 'T') || n < 16 || t.charAt(13) != ':' || !allDigits(t, 11, 13)
                    || !allDigits(t, 14, 16)) {
                throw new ValueException("not a datetime");
            }
            int hour = num(t, 11, 13);
            int minute = num(t, 14, 16);
            int second = 0;
            int nano = 0;
            int i = 16;
            if (i < n && t.charAt(i) == ':') {
                if (i + 3 > n || !allDigits(t, i + 1, i + 3)) {
                    throw new ValueException("not a datetime (bad seconds)");
                }
                second = num(t, i + 1, i + 3);
                i += 3;
                if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && Character.isDigit(t.charAt(i))) {
                        i++;
                    }
                    if (i == start) {
                        throw new ValueException("not a datetime (empty fraction)");
                    }
                    String frac = t.substring(start, Math.min(i, start + 9));
                    nano = Integer.parseInt(frac) * POW10[9 - frac.length()];
                }
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            String zone = t.substring(i).trim();
            if (zone.isEmpty() || zone.equals("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
                return local;
            }
            if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
                ZoneOffset offset = ZoneOffset.of(zone.length() == 3 ? zone + ":00" : zone);
                return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            throw new ValueException("unknown time zone in datetime");
        } catch (DateTimeException e) {
            throw new ValueException("not a valid calendar date or time");
        }
    }

    private static final int[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

}
