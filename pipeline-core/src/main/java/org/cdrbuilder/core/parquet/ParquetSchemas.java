package org.cdrbuilder.core.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/** Derives Parquet schemas from the changelog's table definitions; the only place that maps types to Parquet. */
public final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** The schema with 32-bit row ids, as the changelog declares them. */
    public static MessageType messageType(TableDef table) {
        return messageType(table, 32);
    }

    /**
     * The schema of a file of {@code table} whose INTEGER row-id columns ({@link TableDef#isRowId}) are {@code idBits}
     * wide: INT32 for 32, INT64 for 64 (see {@link ParquetOptions#idBits}).
     */
    public static MessageType messageType(TableDef table, int idBits) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            b.addField(field(c, idBits == 64 && table.isRowId(i)));
        }
        return b.named(table.name());
    }

    /** Whether column {@code i} of {@code table} is written as INT64 with these options. */
    static boolean wide(TableDef table, int i, int idBits) {
        return table.column(i).type() == ColumnType.BIGINT || idBits == 64 && table.isRowId(i);
    }

    static Type field(ColumnDef c, boolean wideId) {
        Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (wideId) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
        }
        return switch (c.type()) {
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
            case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, rep)
                    .as(LogicalTypeAnnotation.intType(32, true)).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
            case VARCHAR, TEXT -> Types.primitive(PrimitiveTypeName.BINARY, rep)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, rep)
                    .as(LogicalTypeAnnotation.dateType()).named(c.name());
            // plain timestamps: values are UTC wall-clock times; isAdjustedToUTC=false keeps readers from shifting them
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
        };
    }
}
