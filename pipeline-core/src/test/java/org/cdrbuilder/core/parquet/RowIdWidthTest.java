package org.cdrbuilder.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row ids: longs in memory, INT32 in a 32-bit release (as OMOP CDM 5.4 declares them), INT64 in a 64-bit one. */
class RowIdWidthTest {
    private final TableDef measurement = CdrSchema.get().table("measurement");

    private Row row(long id) {
        return new Row(measurement).set("measurement_id", id).set("person_id", 2_000_000_000L)
                .set("measurement_concept_id", 3025315).set("measurement_date", LocalDate.of(2020, 1, 2))
                .set("measurement_type_concept_id", 44818701).set("visit_occurrence_id", 5L);
    }

    private static MessageType fileSchema(Path file) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(file),
                org.apache.parquet.HadoopFreeReadOptions.create(new ZstdCodecFactory(1)))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    @Test
    void thirtyTwoBit_writesInt32Ids_andReadsThemAsLongs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, measurement, ParquetOptions.RELEASE)) {
            w.write(row(Integer.MAX_VALUE));
        }
        MessageType schema = fileSchema(file);
        for (String c : new String[] {"measurement_id", "person_id", "visit_occurrence_id", "measurement_event_id"}) {
            assertThat(schema.getType(c).asPrimitiveType().getPrimitiveTypeName()).as(c).isEqualTo(PrimitiveTypeName.INT32);
        }
        assertThat(schema).isEqualTo(ParquetSchemas.messageType(measurement));
        try (RowParquetReader r = RowParquetReader.open(file, measurement)) {
            Row back = r.next();
            assertThat(back.get("measurement_id")).isEqualTo((long) Integer.MAX_VALUE);
            assertThat(back.get("person_id")).isEqualTo(2_000_000_000L);
            assertThat(back.get("measurement_concept_id")).isEqualTo(3025315);
        }
    }

    @Test
    void thirtyTwoBit_refusesAnIdThatDoesNotFit_namingTableAndColumn(@TempDir Path dir) {
        try (RowParquetWriter w = RowParquetWriter.open(dir.resolve("m.parquet"), measurement, ParquetOptions.RELEASE)) {
            assertThatThrownBy(() -> w.write(row(1L << 52))).isInstanceOf(RowIdOverflowException.class)
                    .hasMessageContaining("measurement.measurement_id = 4503599627370496")
                    .hasMessageContaining("id_bits: 64");
            w.abort();
        }
    }

    @Test
    void sixtyFourBit_writesInt64Ids_whichThirtyTwoBitReadersReadToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.parquet");
        ParquetOptions wide = ParquetOptions.RELEASE.withIdBits(64);
        try (RowParquetWriter w = RowParquetWriter.open(file, measurement, wide)) {
            w.write(row(1L << 40));
        }
        MessageType schema = fileSchema(file);
        assertThat(schema.getType("measurement_id").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("measurement_concept_id").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema).isEqualTo(ParquetSchemas.messageType(measurement.withBigintRowIds()));
        try (RowParquetReader r = RowParquetReader.open(file, measurement)) {
            assertThat(r.next().get("measurement_id")).isEqualTo(1L << 40);
        }
        assertThat(wide.maxRowId()).isEqualTo(Long.MAX_VALUE);
        assertThat(ParquetOptions.RELEASE.maxRowId()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void parsing_rowIdsAreLongsOfAnySize_sourceValuesKeptWhole_otherTextChecked() {
        TableDef m = measurement;
        assertThat(ValueParser.parse(m, m.indexOf("person_id"), "3000000000")).isEqualTo(3_000_000_000L);
        assertThat(ValueParser.parse(m, m.indexOf("measurement_concept_id"), "3025315")).isEqualTo(3025315);
        String long60 = "x".repeat(60);
        assertThat(ValueParser.parse(m, m.indexOf("measurement_source_value"), long60)).isEqualTo(long60);
        assertThatThrownBy(() -> ValueParser.parse(m, m.indexOf("measurement_time"), "12:00:00.000"))
                .isInstanceOf(ValueException.class).hasMessageContaining("longer than 10 characters");
    }
}
