package org.cdrbuilder.core.row;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.cdrbuilder.schema.TableDef;

/**
 * One row of a table, values in the table's column order. Value classes by column type: BIGINT {@link Long},
 * INTEGER {@link Integer}, DOUBLE {@link Double}, VARCHAR/TEXT {@link String}, DATE {@link LocalDate},
 * TIMESTAMP {@link LocalDateTime} (UTC wall time), BOOLEAN {@link Boolean}; {@code null} for a missing value.
 * Row ids ({@link TableDef#isRowId}: person_id, visit_occurrence_id, measurement_id ...) are {@link Long} whatever
 * their declared type; their width in Parquet files is a release setting (docs/IDS.md).
 * Rows are mutable so that a stage can transform them in place while streaming.
 */
public final class Row {
    private final TableDef table;
    private final Object[] values;

    public Row(TableDef table) {
        this.table = requireNonNull(table, "table is null");
        this.values = new Object[table.columnCount()];
    }

    private Row(TableDef table, Object[] values) {
        this.table = table;
        this.values = values;
    }

    public TableDef table() {
        return table;
    }

    public Object get(int i) {
        return values[i];
    }

    public Object get(String column) {
        return values[table.indexOf(column)];
    }

    public Row set(int i, Object value) {
        values[i] = value;
        return this;
    }

    public Row set(String column, Object value) {
        values[table.indexOf(column)] = value;
        return this;
    }

    public boolean isNull(int i) {
        return values[i] == null;
    }

    public Long getLong(int i) {
        return (Long) values[i];
    }

    public Integer getInt(int i) {
        return (Integer) values[i];
    }

    /** An integer column read as int, with 0 for null (OMOP's "no matching concept"). */
    public int getIntOrZero(int i) {
        Integer v = (Integer) values[i];
        return v == null ? 0 : v;
    }

    public Double getDouble(int i) {
        return (Double) values[i];
    }

    public String getString(int i) {
        return (String) values[i];
    }

    public LocalDate getDate(int i) {
        return (LocalDate) values[i];
    }

    public LocalDateTime getTimestamp(int i) {
        return (LocalDateTime) values[i];
    }

    /**
     * The same values as a row of {@code other}, which must have the same columns in the same order (e.g. a staged
     * table and its canonical definition). Shares the value array.
     */
    public Row as(TableDef other) {
        if (other == table) {
            return this;
        }
        if (other.columnCount() != table.columnCount() || !other.name().equals(table.name())) {
            throw new IllegalArgumentException("cannot view a row of " + table + " as " + other);
        }
        return new Row(other, values);
    }

    /** A shallow copy with its own value array. */
    public Row copy() {
        return new Row(table, values.clone());
    }

    /** A copy of the values of this row moved into another table by column name; unmatched columns stay null. */
    public Row copyInto(TableDef target) {
        Row r = new Row(target);
        for (int i = 0; i < values.length; i++) {
            int j = target.indexOfOrMinus1(table.column(i).name());
            if (j >= 0) {
                r.values[j] = values[i];
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.table.name().equals(table.name()) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return table.name().hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(table.name()).append('{');
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                if (sb.charAt(sb.length() - 1) != '{') {
                    sb.append(", ");
                }
                sb.append(table.column(i).name()).append('=').append(values[i]);
            }
        }
        return sb.append('}').toString();
    }
}
