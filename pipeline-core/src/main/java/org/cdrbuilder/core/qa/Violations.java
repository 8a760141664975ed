package org.cdrbuilder.core.qa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;

/**
 * The counts of one check as a scan goes: rows in the denominator, rows that violate, and the first few violating
 * rows as examples. Examples hold ids and the checked values only; character values are shown by length, never by
 * content, so that names, free text and source values cannot reach a report. Not thread-safe: one scan fills it.
 */
public final class Violations {
    private final int exampleLimit;
    private long denominator;
    private long violated;
    private final List<Map<String, Object>> examples = new ArrayList<>();

    /**
     * A value of an example that is not data of the release but a fact about it (a concept's domain, a configured
     * range): shown as it is.
     */
    public record Fact(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public Violations(int exampleLimit) {
        if (exampleLimit < 0) {
            throw new IllegalArgumentException("exampleLimit must be >= 0");
        }
        this.exampleLimit = exampleLimit;
    }

    /** Counts one row in the denominator. */
    public void row() {
        denominator++;
    }

    /** Counts {@code n} rows (or persons) in the denominator. */
    public void rows(long n) {
        denominator += n;
    }

    /** Counts a violation; returns whether an example of it is still wanted. */
    public boolean violate() {
        violated++;
        return examples.size() < exampleLimit;
    }

    /** Counts {@code n} violations found at once (no examples). */
    public void violate(long n) {
        violated += n;
    }

    /**
     * Keeps an example made of some columns of {@code row} (character values replaced by their length) followed by
     * extra name/value pairs (e.g. the birth date an event was compared with).
     */
    public void example(Row row, int[] columns, Object... extra) {
        Map<String, Object> e = new LinkedHashMap<>();
        for (int c : columns) {
            ColumnDef def = row.table().column(c);
            e.put(def.name(), shown(def, row.get(c)));
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            e.put(String.valueOf(extra[i]), shownValue(extra[i + 1]));
        }
        if (examples.size() < exampleLimit) {
            examples.add(e);
        }
    }

    /** Keeps an example given as name/value pairs (ids and checked values only). */
    public void example(Map<String, Object> example) {
        if (examples.size() < exampleLimit) {
            Map<String, Object> e = new LinkedHashMap<>();
            example.forEach((k, v) -> e.put(k, shownValue(v)));
            examples.add(e);
        }
    }

    public long denominator() {
        return denominator;
    }

    public long violated() {
        return violated;
    }

    public List<Map<String, Object>> examples() {
        return Collections.unmodifiableList(examples);
    }

    private static Object shown(ColumnDef column, Object value) {
        if (value instanceof String s && column.type().isText()) {
            return "(text, " + s.length() + " characters)";
        }
        return shownValue(value);
    }

    private static Object shownValue(Object value) {
        if (value instanceof String s) {
            return "(text, " + s.length() + " characters)";
        }
        if (value instanceof Fact f) {
            return f.text();
        }
        return value == null || value instanceof Number || value instanceof Boolean ? value : value.toString();
    }
}
