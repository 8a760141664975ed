package org.cdrbuilder.steps.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.ColumnDef;

/**
 * Writes a snapshot as one folder: {@code <family>.parquet} and {@code <family>.json} per count family, plus
 * {@code index.html} for the published view. The folder is assembled beside its target and renamed into place.
 */
final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /** Writes the disseminated counts and the page ({@code published}) or the true counts to {@code dir}. */
    static void write(Snapshot snapshot, boolean published, Path dir, ParquetOptions parquet, String page) {
        Path temp = dir.resolveSibling("." + dir.getFileName() + ".tmp");
        FileTrees.deleteTree(temp);
        for (FamilyTable f : snapshot.families().values()) {
            List<Row> rows = f.rows(published);
            try (RowParquetWriter w = RowParquetWriter.open(temp.resolve(f.name() + ".parquet"), f.table(), parquet)) {
                rows.forEach(w::write);
            }
            WorkLayout.writeJson(temp.resolve(f.name() + ".json"), json(snapshot, f, rows, published));
        }
        try {
            if (page != null) {
                Files.writeString(temp.resolve("index.html"), page, StandardCharsets.UTF_8);
            }
            FileTrees.deleteTree(dir);
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                // an object store copies a folder file by file: still safe, as the unit's report or the stage's
                // completion marker, written after this, is what tells a restart that the snapshot is done
                Files.move(temp, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot to " + dir, e);
        }
    }

    private static Map<String, Object> json(Snapshot s, FamilyTable f, List<Row> rows, boolean published) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", f.name());
        m.put("table", f.table().name());
        m.put("description", f.table().remarks());
        m.put("release_version", s.version());
        m.put("tier", s.tier());
        m.put("cutoff_date", s.cutoff().toString());
        m.put("counts", published ? "disseminated: counts of participants or records are 0 or a multiple of "
                + s.cellSize() + " that is at least " + s.cellSize() + " and at least the true count"
                : "true counts: work directory only, never published");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnDef c : f.table().columns()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type().name().toLowerCase());
            if (!c.remarks().isEmpty()) {
                col.put("description", c.remarks());
            }
            columns.add(col);
        }
        m.put("columns", columns);
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < f.table().columnCount(); i++) {
                Object v = r.get(i);
                row.put(f.table().column(i).name(), v instanceof LocalDate d ? d.toString() : v);
            }
            out.add(row);
        }
        m.put("rows", out);
        return m;
    }
}
