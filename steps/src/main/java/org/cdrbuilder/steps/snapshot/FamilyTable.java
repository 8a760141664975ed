package org.cdrbuilder.steps.snapshot;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;

/**
 * One count family: a snapshot table of the schema changelog whose count columns hold {@link Cell}s, so that the same
 * rows give the true counts (kept in the work directory) and the disseminated ones (published).
 */
final class FamilyTable {
    private final String name;
    private final TableDef table;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param name the family name, also the file name under {@code snapshot/} */
    FamilyTable(String name, String tableName) {
        this.name = requireNonNull(name, "name is null");
        this.table = CdrSchema.get().table(tableName);
        if (table.group() != TableGroup.SNAPSHOT) {
            throw new IllegalArgumentException(tableName + " is not a snapshot table");
        }
    }

    String name() {
        return name;
    }

    TableDef table() {
        return table;
    }

    /** Adds a row; values in column order, counts of participants or records as {@link Cell}s. */
    FamilyTable add(Object... values) {
        if (values.length != table.columnCount()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columnCount() + " columns, got "
                    + values.length + " values");
        }
        rows.add(values.clone());
        return this;
    }

    /** Every cell of the family, in row order. */
    List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (Object[] r : rows) {
            for (Object v : r) {
                if (v instanceof Cell c) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The rows with true counts ({@code published == false}) or disseminated ones. */
    List<Row> rows(boolean published) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Object[] values : rows) {
            Row row = new Row(table);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                row.set(i, v instanceof Cell c ? (Object) (published ? c.published() : c.raw()) : v);
            }
            out.add(row);
        }
        return out;
    }
}
