package org.cdrbuilder.steps.ingest;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;

/**
 * Where a reader of raw inputs (FHIR surveys, physical measurements, Fitbit) puts what it parses. Every source row
 * ends up in exactly one call: {@link #accept} for a usable row, {@link #quarantine} for one that is not. Local ids
 * from {@link #nextLocalId} are unique per table within the work unit; harmonization replaces them with release ids.
 */
public interface IngestSink {
    /** A parsed source row, as a row of a schema table (person ids are participant numbers). */
    void accept(Row row);

    /**
     * A source row that cannot be used.
     *
     * @param table the table the row would have gone to
     * @param line 1-based line of the file (ndjson, csv), or null
     * @param pointer JSON pointer of the offending element within the resource (e.g. {@code /item/3/answer/0}), or null
     */
    void quarantine(String table, Long line, String pointer, Violation violation);

    /** A new local id for a row of {@code table}, unique within the unit (0, 1, 2, ...). */
    long nextLocalId(String table);

    /**
     * A row that was accepted with something worth knowing (a code the vocabulary does not have): counted per
     * reason and reported by input validation with file, line and pointer.
     */
    default void warn(String table, Long line, String pointer, String reason) {
    }

    /** The file currently being read, relative to the drop (for quarantine records). */
    default String currentFile() {
        return null;
    }
}
