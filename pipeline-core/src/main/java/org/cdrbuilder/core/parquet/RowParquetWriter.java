package org.cdrbuilder.core.parquet;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * Writes rows of one table to one Parquet file. The file is written under a temporary name next to the target and
 * renamed into place by {@link #close()}, so a crash never leaves a half-written file under the final name.
 * Call {@link #abort()} instead of close to discard the output.
 */
public final class RowParquetWriter implements Closeable {
    private final TableDef table;
    private final Path target;
    private final Path temp;
    private final ParquetWriter<Row> writer;
    private long rows;
    private boolean closed;

    private RowParquetWriter(TableDef table, Path target, ParquetOptions options) throws IOException {
        this.table = table;
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Builder builder = new Builder(new LocalOutputFile(temp), table, options.idBits());
        for (org.cdrbuilder.schema.ColumnDef c : table.columns()) {
            if (c.primaryKey() || (c.type() == org.cdrbuilder.schema.ColumnType.TIMESTAMP
                    && table.group() == org.cdrbuilder.schema.TableGroup.WEARABLES)) {
                // values unique per row (row ids, the minutes of Fitbit rows): a dictionary only fills up and falls
                // back, at a cost per value; Parquet 2 pages then take delta encoding directly, as the fallback would
                builder.withDictionaryEncoding(c.name(), false);
            }
        }
        this.writer = builder
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecFactory(options.zstdLevel()))
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(options.dataPageV2() ? ParquetProperties.WriterVersion.PARQUET_2_0
                        : ParquetProperties.WriterVersion.PARQUET_1_0)
                .withRowGroupSize(options.rowGroupBytes())
                .withDictionaryEncoding(true)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** Opens a writer for {@code table} that will produce {@code target} when closed. */
    public static RowParquetWriter open(Path target, TableDef table, ParquetOptions options) {
        requireNonNull(target, "target is null");
        requireNonNull(table, "table is null");
        requireNonNull(options, "options is null");
        try {
            return new RowParquetWriter(table, target, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Parquet writer for " + target, e);
        }
    }

    public TableDef table() {
        return table;
    }

    public Path target() {
        return target;
    }

    public void write(Row row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + temp, e);
        }
    }

    public long rowCount() {
        return rows;
    }

    /** Finishes the file and moves it to its final name. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish Parquet file " + target, e);
        }
    }

    /** Discards the output. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is being thrown away
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final TableDef table;
        private final int idBits;

        Builder(OutputFile file, TableDef table, int idBits) {
            super(file);
            this.table = table;
            this.idBits = idBits;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(table, idBits);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new RowWriteSupport(table, idBits);
        }
    }
}
