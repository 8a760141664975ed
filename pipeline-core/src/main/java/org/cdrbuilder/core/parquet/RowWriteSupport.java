package org.cdrbuilder.core.parquet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/** Writes {@link Row}s of one table; no extra metadata so that the same rows give the same bytes. */
final class RowWriteSupport extends WriteSupport<Row> {
    private final TableDef table;
    private final MessageType schema;
    private final ColumnType[] types;
    private final String[] names;
    /** Row-id columns written as INT32: values are longs that must fit. */
    private final boolean[] narrowIds;
    /** Row-id columns written as INT64 although declared INTEGER. */
    private final boolean[] wideIds;
    private final int idBits;
    private RecordConsumer consumer;
    /** Per column, the last string written and its encoding: most text columns repeat (sources, codes, units). */
    private final String[] lastString;
    private final Binary[] lastBinary;

    RowWriteSupport(TableDef table, int idBits) {
        this.table = table;
        this.idBits = idBits;
        this.schema = ParquetSchemas.messageType(table, idBits);
        this.types = table.columns().stream().map(ColumnDef::type).toArray(ColumnType[]::new);
        this.names = table.columns().stream().map(ColumnDef::name).toArray(String[]::new);
        this.lastString = new String[types.length];
        this.lastBinary = new Binary[types.length];
        this.narrowIds = new boolean[types.length];
        this.wideIds = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            boolean rowId = table.isRowId(i) && types[i] == ColumnType.INTEGER;
            wideIds[i] = rowId && idBits == 64;
            narrowIds[i] = rowId && idBits == 32;
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public String getName() {
        return "cdr-builder";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
        if (row.table() != table && !row.table().name().equals(table.name())) {
            throw new IllegalArgumentException("row of " + row.table().name() + " written to " + table.name());
        }
        consumer.startMessage();
        for (int i = 0; i < types.length; i++) {
            Object v = row.get(i);
            if (v == null) {
                if (!table.column(i).nullable()) {
                    throw new IllegalArgumentException(table.name() + "." + names[i] + " is required but null in " + row);
                }
                continue;
            }
            consumer.startField(names[i], i);
            if (narrowIds[i]) {
                consumer.addInteger(narrowId(i, ((Number) v).longValue()));
                consumer.endField(names[i], i);
                continue;
            }
            if (wideIds[i]) {
                consumer.addLong(((Number) v).longValue());
                consumer.endField(names[i], i);
                continue;
            }
            switch (types[i]) {
                case BIGINT -> consumer.addLong((Long) v);
                case INTEGER -> consumer.addInteger((Integer) v);
                case DOUBLE -> consumer.addDouble((Double) v);
                case VARCHAR, TEXT -> consumer.addBinary(binary(i, (String) v));
                case DATE -> consumer.addInteger(Timestamps.toDays((LocalDate) v));
                case TIMESTAMP -> consumer.addLong(Timestamps.toMicros((LocalDateTime) v));
                case BOOLEAN -> consumer.addBoolean((Boolean) v);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }

    private Binary binary(int column, String s) {
        String last = lastString[column];
        if (last != null && (last == s || last.equals(s))) {
            return lastBinary[column];
        }
        Binary b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        lastString[column] = s;
        lastBinary[column] = b;
        return b;
    }

    private int narrowId(int column, long id) {
        if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
            throw new RowIdOverflowException(table.name(), names[column], id);
        }
        return (int) id;
    }
}
