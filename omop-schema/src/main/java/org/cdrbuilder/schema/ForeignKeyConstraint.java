package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

/** A named foreign-key constraint of the changelog: {@code table.column} references {@code references}. */
public record ForeignKeyConstraint(String name, String table, String column, ForeignKey references) {
    public ForeignKeyConstraint {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        requireNonNull(references, "references is null");
    }
}
