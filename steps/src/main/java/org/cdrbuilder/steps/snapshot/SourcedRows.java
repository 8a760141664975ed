package org.cdrbuilder.steps.snapshot;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * Streams the current rows of a table together with the {@code src_id} of their {@code _ext} provenance row. Stages
 * write a table and its {@code _ext} in step (same parts, same row order), so both are read side by side instead of
 * joined: no memory per row. The primary key of every pair is compared, so a stage that broke the step fails here
 * loudly rather than mislabelling rows.
 */
final class SourcedRows {
    /** Receives a row and its source label (null when the table has no provenance). */
    @FunctionalInterface
    interface Consumer {
        void accept(Row row, String source);
    }

    private SourcedRows() {
    }

    static long forEach(ReleaseCandidate candidate, TableDef table, Set<String> projection, Consumer action) {
        List<Path> parts = candidate.parts(table.name());
        TableDef ext = CdrSchema.get().table(table.name() + "_ext");
        List<Path> extParts = candidate.parts(ext.name());
        if (extParts.size() != parts.size()) {
            throw new IllegalStateException(table.name() + " has " + parts.size() + " part(s) but " + ext.name() + " has "
                    + extParts.size() + ": provenance cannot be read in step");
        }
        String key = table.column(0).name();
        Set<String> columns = new HashSet<>(projection);
        columns.add(key);
        int src = ext.indexOf("src_id");
        long rows = 0;
        for (int i = 0; i < parts.size(); i++) {
            try (RowParquetReader main = RowParquetReader.open(parts.get(i), table, columns);
                 RowParquetReader side = RowParquetReader.open(extParts.get(i), ext, Set.of(key, "src_id"))) {
                while (main.hasNext()) {
                    Row row = main.next();
                    Row e = side.hasNext() ? side.next() : null;
                    if (e == null || !Objects.equals(e.get(0), row.get(0))) {
                        throw new IllegalStateException(ext.name() + " is not in step with " + table.name() + " in "
                                + parts.get(i).getFileName() + " at row " + rows + " (" + key + " " + row.get(0) + ")");
                    }
                    action.accept(row, e.getString(src));
                    rows++;
                }
                if (side.hasNext()) {
                    throw new IllegalStateException(ext.name() + " has more rows than " + table.name() + " in "
                            + parts.get(i).getFileName());
                }
            }
        }
        return rows;
    }

    /** Whether a source label names an EHR site (e.g. {@code EHR site 101}). */
    static boolean isEhr(String source) {
        return source != null && source.startsWith("EHR site");
    }
}
