package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

/** A column's reference to another table's column, as declared by the changelog. */
public record ForeignKey(String table, String column) {
    public ForeignKey {
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
    }
}
