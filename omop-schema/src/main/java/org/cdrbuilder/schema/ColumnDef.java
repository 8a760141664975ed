package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a table as declared in the schema changelog.
 *
 * @param maxLength maximum length of character data, or 0 when unbounded or not text
 * @param references the table and column this column points to, when the changelog declares one
 */
public record ColumnDef(String name, ColumnType type, int maxLength, boolean nullable, boolean primaryKey,
                        String remarks, Optional<ForeignKey> references) {
    public ColumnDef {
        // interned, so that lookups by a literal or by another ColumnDef's name find it by identity (TableDef.indexOf)
        name = requireNonNull(name, "name is null").intern();
        requireNonNull(type, "type is null");
        requireNonNull(references, "references is null");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0: " + name);
        }
        remarks = remarks == null ? "" : remarks;
    }

    /** True for columns holding concept ids ({@code *_concept_id}). */
    public boolean isConceptId() {
        return name.endsWith("concept_id") && (type == ColumnType.INTEGER || type == ColumnType.BIGINT);
    }

    ColumnDef withReference(ForeignKey fk) {
        return new ColumnDef(name, type, maxLength, nullable, primaryKey, remarks, Optional.of(fk));
    }
}
