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
    INTERNAL,
    /**
     * Aggregate snapshot counts, published under {@code snapshot/} as files the snapshot stage writes (never tables of
     * the release candidate).
     */
    SNAPSHOT;

    /** Whether tables of this group are published from the release candidate (one folder per table). */
    public boolean published() {
        return this != INTERNAL && this != SNAPSHOT;
    }

    static TableGroup fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }

    /** The release sub-directory that holds tables of this group. */
    public String releaseFolder() {
        if (this == INTERNAL) {
            throw new IllegalStateException("internal tables are never published");
        }
        if (this == SNAPSHOT) {
            return "snapshot";
        }
        return this == WEARABLES ? "wearables" : "omop";
    }
}
