package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An index of the changelog: its name, table and columns in order. */
public record IndexDef(String name, String table, List<String> columns) {
    public IndexDef {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has no column");
        }
    }
}
