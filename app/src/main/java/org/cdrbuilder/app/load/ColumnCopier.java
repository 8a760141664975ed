package org.cdrbuilder.app.load;

import java.sql.SQLException;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Fills one database column from one Parquet column, a value at a time, checking that each value fits the column
 * as the database declares it (NOT NULL, integer range, {@code varchar(n)} length, no NUL in text). Nothing is
 * widened, truncated or rounded: a value that does not fit is refused with {@link ValueRejected}.
 */
final class ColumnCopier {
    /** A value that does not fit its column; the table copy adds where it is. */
    static final class ValueRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueRejected(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface ValueWriter {
        void write(ColumnReader r, BinaryCopyWriter w) throws SQLException;
    }

    private final DbColumn column;
    private final ColumnDescriptor source;
    private final ValueWriter writer;
    private ColumnReader reader;

    private ColumnCopier(DbColumn column, ColumnDescriptor source, ValueWriter writer) {
        this.column = column;
        this.source = source;
        this.writer = writer;
    }

    DbColumn column() {
        return column;
    }

    ColumnDescriptor source() {
        return source;
    }

    /** The reader of the current row group (unused for a column the file lacks). */
    void use(ColumnReader r) {
        this.reader = r;
    }

    /** Writes the current row's value and moves to the next row. */
    void copy(BinaryCopyWriter w) throws SQLException {
        if (reader == null || reader.getCurrentDefinitionLevel() < source.getMaxDefinitionLevel()) {
            if (column.notNull()) {
                throw new ValueRejected("is null, but the column is NOT NULL");
            }
            w.writeNull();
        } else {
            writer.write(reader, w);
        }
        if (reader != null) {
            reader.consume();
        }
    }

    /** A column the Parquet file does not have: every row NULL (refused for a NOT NULL column). */
    static ColumnCopier absent(DbColumn column) {
        return new ColumnCopier(column, null, null);
    }

    /**
     * The copier of {@code column} from {@code source}, or throws {@link ValueRejected} when no value of the Parquet
     * type could be stored in the column's type.
     */
    static ColumnCopier of(DbColumn column, ColumnDescriptor source) {
        PrimitiveType p = source.getPrimitiveType();
        PrimitiveTypeName physical = p.getPrimitiveTypeName();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        boolean plainInt = (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
                && (logical == null || logical instanceof IntLogicalTypeAnnotation);
        boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
        ValueWriter w = switch (column.typeName()) {
            case "int2", "int4", "int8" -> plainInt ? integer(column, physical, unsigned) : null;
            case "float8" -> physical == PrimitiveTypeName.DOUBLE ? (r, out) -> out.writeFloat8(r.getDouble())
                    : physical == PrimitiveTypeName.FLOAT ? (r, out) -> out.writeFloat8(r.getFloat()) : null;
            case "float4" -> physical == PrimitiveTypeName.FLOAT ? (r, out) -> out.writeFloat4(r.getFloat())
                    : physical == PrimitiveTypeName.DOUBLE ? (r, out) -> {
                        double d = r.getDouble();
                        if ((double) (float) d != d && !Double.isNaN(d)) {
                            throw new ValueRejected(d + " is not exact as " + column.shownType());
                        }
                        out.writeFloat4((float) d);
                    } : null;
            case "bool" -> physical == PrimitiveTypeName.BOOLEAN ? (r, out) -> out.writeBoolean(r.getBoolean()) : null;
            case "varchar", "bpchar", "text" -> physical == PrimitiveTypeName.BINARY
                    && (logical == null || logical instanceof StringLogicalTypeAnnotation) ? text(column) : null;
            case "date" -> physical == PrimitiveTypeName.INT32 && logical instanceof DateLogicalTypeAnnotation
                    ? (r, out) -> out.writeDate(r.getInteger()) : null;
            case "timestamp", "timestamptz" -> physical == PrimitiveTypeName.INT64
                    && logical instanceof TimestampLogicalTypeAnnotation ts ? timestamp(column, ts.getUnit()) : null;
            default -> null;
        };
        if (w == null) {
            throw new ValueRejected("is Parquet " + physical + (logical == null ? "" : " (" + logical + ")")
                    + ", which a column of type " + column.shownType() + " cannot hold");
        }
        return new ColumnCopier(column, source, w);
    }

    private static ValueWriter integer(DbColumn column, PrimitiveTypeName physical, boolean unsigned) {
        long min = switch (column.typeName()) {
            case "int2" -> Short.MIN_VALUE;
            case "int4" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = switch (column.typeName()) {
            case "int2" -> Short.MAX_VALUE;
            case "int4" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        String type = column.typeName();
        return (r, out) -> {
            long v;
            if (physical == PrimitiveTypeName.INT32) {
                v = unsigned ? Integer.toUnsignedLong(r.getInteger()) : r.getInteger();
            } else {
                v = r.getLong();
                if (unsigned && v < 0) {
                    throw new ValueRejected(Long.toUnsignedString(v) + " does not fit " + column.shownType());
                }
            }
            if (v < min || v > max) {
                throw new ValueRejected(v + " does not fit " + column.shownType());
            }
            switch (type) {
                case "int2" -> out.writeInt2((short) v);
                case "int4" -> out.writeInt4((int) v);
                default -> out.writeInt8(v);
            }
        };
    }

    private static ValueWriter text(DbColumn column) {
        int max = column.maxLength();
        return (r, out) -> {
            int chars = out.writeText(r.getBinary().toByteBuffer());
            if (chars < 0) {
                throw new ValueRejected("holds a NUL character, which PostgreSQL text cannot store");
            }
            if (max >= 0 && chars > max) {
                throw new ValueRejected("is a text of " + chars + " characters, longer than " + column.shownType());
            }
        };
    }

    private static ValueWriter timestamp(DbColumn column, LogicalTypeAnnotation.TimeUnit unit) {
        return (r, out) -> {
            long v = r.getLong();
            long micros;
            try {
                micros = switch (unit) {
                    case MILLIS -> Math.multiplyExact(v, 1000L);
                    case MICROS -> v;
                    case NANOS -> {
                        if (v % 1000 != 0) {
                            throw new ValueRejected(v + " ns has a nanosecond part, which " + column.shownType()
                                    + " cannot hold");
                        }
                        yield v / 1000;
                    }
                };
                out.writeTimestamp(micros);
            } catch (ArithmeticException e) {
                throw new ValueRejected(v + " (" + unit + ") is outside the range of " + column.shownType());
            }
        };
    }
}
