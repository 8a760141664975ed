package org.cdrbuilder.core.quarantine;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * Records source rows that cannot be used, with where (file, line or JSON pointer, field) and why, into the
 * {@code _quarantine} table of one work unit. The file exists only when something was quarantined. Counts by
 * reason are kept for the unit report.
 */
public final class QuarantineWriter implements Closeable {
    private static final TableDef TABLE = CdrSchema.get().table("_quarantine");
    private static final int MAX_VALUE = 1000;

    private final Path target;
    private final String sourceKind;
    private final String site;
    private final String file;
    private RowParquetWriter writer;
    private long count;
    private final Map<String, Long> byTable = new TreeMap<>();

    public QuarantineWriter(Path target, String sourceKind, String site, String file) {
        this.target = requireNonNull(target, "target is null");
        this.sourceKind = requireNonNull(sourceKind, "sourceKind is null");
        this.site = site;
        this.file = requireNonNull(file, "file is null");
    }

    /** Quarantines one source row of {@code table} found at {@code line} (or {@code pointer}) of the file. */
    public void add(String table, Long line, String pointer, Violation v) {
        add(table, file, line, pointer, v);
    }

    /** As {@link #add(String, Long, String, Violation)} for a unit that reads several files. */
    public void add(String table, String inFile, Long line, String pointer, Violation v) {
        if (writer == null) {
            writer = RowParquetWriter.open(target, TABLE, ParquetOptions.WORK);
        }
        String value = v.value();
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
        writer.write(new Row(TABLE)
                .set("source_kind", sourceKind)
                .set("site", site)
                .set("file", inFile == null ? file : inFile)
                .set("line", line)
                .set("pointer", pointer)
                .set("table_name", table)
                .set("field", v.field())
                .set("reason", v.reason())
                .set("value", value));
        count++;
        byTable.merge(table == null ? "" : table, 1L, Long::sum);
    }

    public long count() {
        return count;
    }

    /** Quarantined rows per table. */
    public Map<String, Long> countsByTable() {
        return byTable;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }

    /** Discards what was written (a unit that failed and will be re-run). */
    public void abort() {
        if (writer != null) {
            writer.abort();
        }
    }

    public static TableDef table() {
        return TABLE;
    }
}
