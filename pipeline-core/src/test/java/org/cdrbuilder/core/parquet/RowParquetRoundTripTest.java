package org.cdrbuilder.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowParquetRoundTripTest {
    private final TableDef measurement = CdrSchema.get().table("measurement");

    private Row measurement(long id, Double value, String source) {
        return new Row(measurement)
                .set("measurement_id", id)
                .set("person_id", 1000L + id)
                .set("measurement_concept_id", 3025315)
                .set("measurement_date", LocalDate.of(2020, 1, 2).plusDays(id))
                .set("measurement_datetime", LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_000))
                .set("measurement_type_concept_id", 44818701)
                .set("value_as_number", value)
                .set("measurement_source_value", source);
    }

    @Test
    void writeThenRead_returnsEqualRows(@TempDir Path dir) {
        Path file = dir.resolve("m/part-0.parquet");
        List<Row> written = List.of(measurement(1, 72.5, "weight"), measurement(2, null, null), measurement(3, 0.0, "héight"));
        try (RowParquetWriter w = RowParquetWriter.open(file, measurement, ParquetOptions.RELEASE)) {
            written.forEach(w::write);
        }
        List<Row> read = new ArrayList<>();
        try (RowParquetReader r = RowParquetReader.open(file, measurement)) {
            assertThat(r.rowCount()).isEqualTo(3);
            r.forEachRemaining(read::add);
        }
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(dir.resolve("m")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void projection_decodesOnlyRequestedColumns(@TempDir Path dir) {
        Path file = dir.resolve("p.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, measurement, ParquetOptions.WORK)) {
            w.write(measurement(7, 1.5, "x"));
        }
        try (RowParquetReader r = RowParquetReader.open(file, measurement, Set.of("measurement_id"))) {
            Row row = r.next();
            assertThat(row.get("measurement_id")).isEqualTo(7L);
            assertThat(row.get("value_as_number")).isNull();
        }
    }

    @Test
    void requiredColumnNull_isRejectedNamingTheColumn(@TempDir Path dir) {
        Row bad = measurement(1, 1.0, "x").set("person_id", null);
        try (RowParquetWriter w = RowParquetWriter.open(dir.resolve("bad.parquet"), measurement, ParquetOptions.WORK)) {
            assertThatThrownBy(() -> w.write(bad)).hasMessageContaining("measurement.person_id is required");
            w.abort();
        }
        assertThat(dir.resolve("bad.parquet")).doesNotExist();
    }

    @Test
    void sameRows_giveIdenticalBytes(@TempDir Path dir) throws Exception {
        for (String name : List.of("a.parquet", "b.parquet")) {
            try (RowParquetWriter w = RowParquetWriter.open(dir.resolve(name), measurement, ParquetOptions.RELEASE)) {
                for (int i = 0; i < 1000; i++) {
                    w.write(measurement(i, i * 0.5, "s" + (i % 7)));
                }
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("a.parquet"))).isEqualTo(Files.readAllBytes(dir.resolve("b.parquet")));
    }

    @Test
    void duckdb_readsTypesAndValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, measurement, ParquetOptions.RELEASE)) {
            w.write(measurement(1, 72.5, "weight"));
            w.write(measurement(2, null, null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery(
                     "select measurement_id, typeof(measurement_date), cast(measurement_date as varchar), "
                             + "typeof(measurement_datetime), cast(measurement_datetime as varchar), value_as_number, "
                             + "measurement_source_value from '" + file + "' order by measurement_id")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("DATE");
            assertThat(rs.getString(3)).isEqualTo("2020-01-03");
            assertThat(rs.getString(4)).isEqualTo("TIMESTAMP");
            assertThat(rs.getString(5)).isEqualTo("2020-01-02 03:04:05.123456");
            assertThat(rs.getDouble(6)).isEqualTo(72.5);
            assertThat(rs.getString(7)).isEqualTo("weight");
            rs.next();
            assertThat(rs.getObject(6)).isNull();
            assertThat(rs.next()).isFalse();
        }
    }
}
