package org.cdrbuilder.schema;

import java.util.Locale;

/** Where a table belongs in a release; taken from the label of the table's changeSet. */
public enum TableGroup {
    /** OMOP CDM clinical tables, published under {@code omop/}. */
    OMOP,
    /** Standardized vocabulary tables, published under {@code omop/}. */
    VOCABULARY,
    /** The program's {@code <table>_ext} provenance tables, published under {@code omop/}. */
    EXT,
    /** Release metadata ({@code _cdr_metadata}), published under {@code omop/}. */
    METADATA,
    /** Fitbit tables, published under {@code wearables/}. */
    WEARABLES,
    /** Input formats and work files (registry, quarantine, id mapping); never published. */
    INTERNAL;

    /** Whether tables of this group appear in a release. */
    public boolean published() {
        return this != INTERNAL;
    }

    static TableGroup fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }

    /** The release sub-directory that holds tables of this group. */
    public String releaseFolder() {
        if (this == INTERNAL) {
            throw new IllegalStateException("internal tables are never published");
        }
        return this == WEARABLES ? "wearables" : "omop";
    }
}
