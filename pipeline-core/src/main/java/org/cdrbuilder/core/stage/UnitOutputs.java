package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * The Parquet outputs of one work unit, one file per table, opened on first write (or taken unchanged from an
 * earlier stage with {@link #link}). {@link #commit()} finishes every file; {@link #abort()} throws them all away,
 * so a unit's outputs appear together or not at all (the unit report, written after commit, is the completion
 * marker).
 */
public final class UnitOutputs implements AutoCloseable {
    private final WorkLayout layout;
    private final String stage;
    private final String unitId;
    private final ParquetOptions options;
    private final Map<String, RowParquetWriter> writers = new LinkedHashMap<>();
    private final Map<String, RowParquetWriter> sandboxes = new LinkedHashMap<>();
    /** Files taken unchanged, by table: the temporary name they wait under until commit. */
    private final Map<String, Path> links = new LinkedHashMap<>();
    private boolean done;

    public UnitOutputs(WorkLayout layout, String stage, String unitId, ParquetOptions options) {
        this.layout = requireNonNull(layout, "layout is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.unitId = requireNonNull(unitId, "unitId is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Writes a row to its table's output. */
    public void write(Row row) {
        TableDef t = row.table();
        if (t != lastTable) {
            // rows arrive in runs of one table: one map lookup per run instead of two per row
            lastWriter = writer(t);
            lastTable = t;
        }
        lastWriter.write(row);
    }

    private TableDef lastTable;
    private RowParquetWriter lastWriter;

    public RowParquetWriter writer(TableDef table) {
        if (links.containsKey(table.name())) {
            throw new IllegalStateException("unit " + unitId + " already took its " + table.name() + " file unchanged");
        }
        return writers.computeIfAbsent(table.name(),
                t -> RowParquetWriter.open(layout.output(stage, t, unitId), table, options));
    }

    /** Writes a row to the sandbox of its table (rows removed or changed by a rule; {@code table} has rule columns). */
    public void sandbox(Row row) {
        sandboxes.computeIfAbsent(row.table().name(),
                t -> RowParquetWriter.open(layout.sandbox(stage, t, unitId), row.table(), options)).write(row);
    }

    /**
     * Makes an existing Parquet file (an earlier stage's output, which is never modified once written) this unit's
     * output for {@code table}, without reading it: a hard link, or a copy where the file system cannot link.
     *
     * @return true when linked, false when copied
     * @throws IllegalStateException when the unit already writes or took a file for {@code table}
     */
    public boolean link(TableDef table, Path existing) {
        requireNonNull(existing, "existing is null");
        if (writers.containsKey(table.name()) || links.containsKey(table.name())) {
            throw new IllegalStateException("unit " + unitId + " already has an output for " + table.name());
        }
        Path target = layout.output(stage, table.name(), unitId);
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        boolean linked;
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temp);
            try {
                Files.createLink(temp, existing);
                linked = true;
            } catch (UnsupportedOperationException | IOException e) {
                // another file system, or one without hard links
                Files.copy(existing, temp, StandardCopyOption.REPLACE_EXISTING);
                linked = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + existing + " as " + target, e);
        }
        links.put(table.name(), temp);
        return linked;
    }

    /** Rows written so far per table (files taken with {@link #link} are not counted). */
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
        for (Map.Entry<String, Path> l : links.entrySet()) {
            Path temp = l.getValue();
            try {
                Files.move(temp, layout.output(stage, l.getKey(), unitId), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                failure = new UncheckedIOException("cannot finish " + temp, e);
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
        for (Path temp : links.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the next attempt of the unit clears it
            }
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        if (!done) {
            abort();
        }
    }
}
