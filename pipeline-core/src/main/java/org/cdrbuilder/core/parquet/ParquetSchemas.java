package org.cdrbuilder.core.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/** Derives Parquet schemas from the changelog's table definitions; the only place that maps types to Parquet. */
public final class ParquetSchemas {
    private ParquetSchemas() {
    }

    public static MessageType messageType(TableDef table) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnDef c : table.columns()) {
            b.addField(field(c));
        }
        return b.named(table.name());
    }

    static Type field(ColumnDef c) {
        Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
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
