package org.cdrbuilder.core.parquet;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Streams the rows of a Parquet file as {@link Row}s of a table, matching columns by name. Columns the file lacks
 * read as null; a projection limits decoding to the columns a caller needs. One row group is in memory at a time.
 */
public final class RowParquetReader implements Iterator<Row>, Closeable {
    private final Path file;
    private final TableDef table;
    private final ParquetFileReader reader;
    private final MessageColumnIO columnIO;
    private final RowMaterializer materializer;
    private RecordReader<Row> records;
    private long remainingInGroup;
    private Row next;

    private RowParquetReader(Path file, TableDef table, Set<String> projection) throws IOException {
        this.file = file;
        this.table = table;
        ZstdCodecFactory codecs = new ZstdCodecFactory(1);
        ParquetReadOptions options = HadoopFreeReadOptions.create(codecs);
        this.reader = ParquetFileReader.open(new ChannelInputFile(file), options);
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        List<Type> requested = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (Type field : fileSchema.getFields()) {
            int idx = table.indexOfOrMinus1(field.getName());
            if (idx >= 0 && (projection == null || projection.contains(field.getName()))) {
                requested.add(field);
                targets.add(idx);
            }
        }
        MessageType requestedSchema = new MessageType(fileSchema.getName(), requested);
        reader.setRequestedSchema(requestedSchema);
        this.columnIO = new ColumnIOFactory().getColumnIO(requestedSchema, fileSchema);
        this.materializer = new RowMaterializer(table, targets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Opens {@code file} for reading every column of {@code table}. */
    public static RowParquetReader open(Path file, TableDef table) {
        return open(file, table, null);
    }

    /** Opens {@code file} decoding only the named columns (null for all). */
    public static RowParquetReader open(Path file, TableDef table, Set<String> projection) {
        requireNonNull(file, "file is null");
        requireNonNull(table, "table is null");
        try {
            return new RowParquetReader(file, table, projection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Parquet file " + file, e);
        }
    }

    /** Number of rows in the file, from its footer. */
    public long rowCount() {
        return reader.getRecordCount();
    }

    /** Calls {@code action} for every row of every file, in order. */
    public static void forEach(Collection<Path> files, TableDef table, Set<String> projection, Consumer<Row> action) {
        for (Path f : files) {
            try (RowParquetReader r = open(f, table, projection)) {
                while (r.hasNext()) {
                    action.accept(r.next());
                }
            }
        }
    }

    /**
     * parquet-java's file reader of {@code file}, without Hadoop and with this project's codecs, for callers that
     * read the column readers themselves (the caller closes it).
     */
    public static ParquetFileReader openFileReader(Path file) throws IOException {
        return ParquetFileReader.open(new ChannelInputFile(file), HadoopFreeReadOptions.create(new ZstdCodecFactory(1)));
    }

    /** Row count of a Parquet file from its footer, without reading data. */
    public static long countRows(Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(file),
                HadoopFreeReadOptions.create(new ZstdCodecFactory(1)))) {
            return r.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet footer of " + file, e);
        }
    }

    /**
     * Whether the footer proves that every row of {@code file} holds {@code value} in the text column {@code column}:
     * every row group has statistics for it with no nulls and minimum = maximum = value. False when it cannot tell.
     */
    public static boolean columnIsConstant(Path file, String column, String value) {
        org.apache.parquet.io.api.Binary expected = org.apache.parquet.io.api.Binary.fromString(value);
        try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(file),
                HadoopFreeReadOptions.create(new ZstdCodecFactory(1)))) {
            for (org.apache.parquet.hadoop.metadata.BlockMetaData block : r.getFooter().getBlocks()) {
                boolean found = false;
                for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData c : block.getColumns()) {
                    if (!c.getPath().toDotString().equals(column)) {
                        continue;
                    }
                    found = true;
                    org.apache.parquet.column.statistics.Statistics<?> s = c.getStatistics();
                    if (s == null || s.isEmpty() || !s.isNumNullsSet() || s.getNumNulls() != 0 || !s.hasNonNullValue()
                            || !expected.equals(s.genericGetMin()) || !expected.equals(s.genericGetMax())) {
                        return false;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet footer of " + file, e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            while (remainingInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    return false;
                }
                remainingInGroup = pages.getRowCount();
                records = columnIO.getRecordReader(pages, materializer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet file " + file, e);
        }
        remainingInGroup--;
        next = records.read();
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    public TableDef table() {
        return table;
    }

    private static final class RowMaterializer extends RecordMaterializer<Row> {
        private final TableDef table;
        private final Root root;

        RowMaterializer(TableDef table, int[] targets) {
            this.table = table;
            this.root = new Root(this, targets);
        }

        Row current;

        @Override
        public Row getCurrentRecord() {
            return current;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        private final class Root extends GroupConverter {
            private final Converter[] converters;

            Root(RowMaterializer m, int[] targets) {
                converters = new Converter[targets.length];
                for (int i = 0; i < targets.length; i++) {
                    converters[i] = new ColumnConverter(m, targets[i], table.column(targets[i]),
                            table.isRowId(targets[i]));
                }
            }

            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                current = new Row(table);
            }

            @Override
            public void end() {
            }
        }
    }

    private static final class ColumnConverter extends PrimitiveConverter {
        private final RowMaterializer m;
        private final int target;
        private final ColumnDef column;
        /** Row ids are longs in memory, written as INT32 or INT64. */
        private final boolean rowId;
        private String[] dictionary;

        ColumnConverter(RowMaterializer m, int target, ColumnDef column, boolean rowId) {
            this.m = m;
            this.target = target;
            this.column = column;
            this.rowId = rowId;
        }

        @Override
        public boolean hasDictionarySupport() {
            return column.type().isText();
        }

        @Override
        public void setDictionary(Dictionary dict) {
            dictionary = new String[dict.getMaxId() + 1];
            for (int i = 0; i <= dict.getMaxId(); i++) {
                dictionary[i] = dict.decodeToBinary(i).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            m.current.set(target, dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            m.current.set(target, value.toStringUsingUTF8());
        }

        @Override
        public void addBoolean(boolean value) {
            m.current.set(target, value);
        }

        @Override
        public void addDouble(double value) {
            m.current.set(target, value);
        }

        @Override
        public void addFloat(float value) {
            m.current.set(target, (double) value);
        }

        @Override
        public void addInt(int value) {
            if (rowId) {
                m.current.set(target, boxed(value));
                return;
            }
            switch (column.type()) {
                case DATE -> m.current.set(target, day(value));
                case BIGINT -> m.current.set(target, boxed(value));
                default -> m.current.set(target, value);
            }
        }

        // Consecutive rows repeat values (a participant's id, the day of a Fitbit file's minutes): the last value
        // read is kept so that a repeat costs no allocation and no calendar arithmetic.
        private long lastLong = Long.MIN_VALUE;
        private Long lastBoxed;
        private long lastDay = Long.MIN_VALUE;
        private java.time.LocalDate lastDate;
        private long lastMicros = Long.MIN_VALUE;
        private java.time.LocalDateTime lastDateTime;

        private Long boxed(long value) {
            if (value != lastLong || lastBoxed == null) {
                lastLong = value;
                lastBoxed = value;
            }
            return lastBoxed;
        }

        private java.time.LocalDate day(long epochDay) {
            if (epochDay != lastDay || lastDate == null) {
                lastDay = epochDay;
                lastDate = java.time.LocalDate.ofEpochDay(epochDay);
            }
            return lastDate;
        }

        private java.time.LocalDateTime dateTime(long micros) {
            if (micros != lastMicros || lastDateTime == null) {
                long dayNumber = Math.floorDiv(micros, 86_400_000_000L);
                long microOfDay = Math.floorMod(micros, 86_400_000_000L);
                lastMicros = micros;
                lastDateTime = java.time.LocalDateTime.of(day(dayNumber), java.time.LocalTime.ofNanoOfDay(microOfDay * 1_000L));
            }
            return lastDateTime;
        }

        @Override
        public void addLong(long value) {
            if (rowId) {
                m.current.set(target, boxed(value));
                return;
            }
            switch (column.type()) {
                case TIMESTAMP -> m.current.set(target, dateTime(value));
                case INTEGER -> m.current.set(target, (int) value);
                default -> m.current.set(target, boxed(value));
            }
        }
    }
}
