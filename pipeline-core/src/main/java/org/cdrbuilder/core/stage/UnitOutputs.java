package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * The Parquet outputs of one work unit, one file per table, opened on first write. {@link #commit()} finishes
 * every file; {@link #abort()} throws them all away, so a unit's outputs appear together or not at all
 * (the unit report, written after commit, is the completion marker).
 */
public final class UnitOutputs implements AutoCloseable {
    private final WorkLayout layout;
    private final String stage;
    private final String unitId;
    private final ParquetOptions options;
    private final Map<String, RowParquetWriter> writers = new LinkedHashMap<>();
    private final Map<String, RowParquetWriter> sandboxes = new LinkedHashMap<>();
    private boolean done;

    public UnitOutputs(WorkLayout layout, String stage, String unitId, ParquetOptions options) {
        this.layout = requireNonNull(layout, "layout is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.unitId = requireNonNull(unitId, "unitId is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Writes a row to its table's output. */
    public void write(Row row) {
        writer(row.table()).write(row);
    }

    public RowParquetWriter writer(TableDef table) {
        return writers.computeIfAbsent(table.name(),
                t -> RowParquetWriter.open(layout.output(stage, t, unitId), table, options));
    }

    /** Writes a row to the sandbox of its table (rows removed or changed by a rule; {@code table} has rule columns). */
    public void sandbox(Row row) {
        sandboxes.computeIfAbsent(row.table().name(),
                t -> RowParquetWriter.open(layout.sandbox(stage, t, unitId), row.table(), options)).write(row);
    }

    /** Rows written so far per table. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        writers.forEach((t, w) -> m.put(t, w.rowCount()));
        return m;
    }

    public void commit() {
        done = true;
        RuntimeException failure = null;
        List<RowParquetWriter> all = new ArrayList<>(writers.values());
        all.addAll(sandboxes.values());
        for (RowParquetWriter w : all) {
            try {
                w.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public void abort() {
        done = true;
        writers.values().forEach(RowParquetWriter::abort);
        sandboxes.values().forEach(RowParquetWriter::abort);
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        if (!done) {
            abort();
        }
    }
}
