package org.cdrbuilder.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.SchemaInstaller;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog applied to a real database and the derived Parquet schema must describe the same table. */
class ParquetSchemaMatchesDatabaseTest {

    @Test
    void everyPublishedTable_matchesItsH2Table(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("db").toAbsolutePath())) {
            SchemaInstaller.install(c, "!constraints");
            int checked = 0;
            for (TableDef table : CdrSchema.get().tables()) {
                Map<String, String[]> dbColumns = new LinkedHashMap<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", table.name().toUpperCase(), null)) {
                    while (rs.next()) {
                        dbColumns.put(rs.getString("COLUMN_NAME").toLowerCase(),
                                new String[] {rs.getString("TYPE_NAME"), rs.getString("IS_NULLABLE")});
                    }
                }
                MessageType parquet = ParquetSchemas.messageType(table);
                assertThat(parquet.getFields()).extracting(Type::getName)
                        .as(table.name()).containsExactlyElementsOf(dbColumns.keySet());
                for (Type f : parquet.getFields()) {
                    String[] db = dbColumns.get(f.getName());
                    assertThat(f.isRepetition(Type.Repetition.OPTIONAL)).as(table + "." + f.getName() + " nullability")
                            .isEqualTo(db[1].equals("YES"));
                    assertThat(expectedDbType(f.asPrimitiveType(), table.column(f.getName()).type() == ColumnType.TEXT))
                            .as(table + "." + f.getName() + " type").isEqualTo(db[0]);
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(40);
        }
    }

    private static String expectedDbType(PrimitiveType p, boolean clob) {
        LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
        return switch (p.getPrimitiveTypeName()) {
            case INT64 -> l instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? "TIMESTAMP" : "BIGINT";
            case INT32 -> l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? "DATE" : "INTEGER";
            case DOUBLE -> "DOUBLE PRECISION";
            case BINARY -> clob ? "CHARACTER LARGE OBJECT" : "CHARACTER VARYING";
            case BOOLEAN -> "BOOLEAN";
            default -> p.getPrimitiveTypeName().name();
        };
    }
}
