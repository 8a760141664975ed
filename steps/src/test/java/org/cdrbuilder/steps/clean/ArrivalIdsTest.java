package org.cdrbuilder.steps.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows that arrive in a table during a rule pass: provisional ids per unit, final ids once the stage completes. */
class ArrivalIdsTest {
    private static final TableDef MEASUREMENT = CdrSchema.get().table("measurement");

    private static Row measurement(long id) {
        return new Row(MEASUREMENT).set("measurement_id", id).set("person_id", 1L).set("measurement_concept_id", 1)
                .set("measurement_date", LocalDate.of(2020, 1, 1)).set("measurement_type_concept_id", 1);
    }

    @Test
    void provisionalIds_countPerTable_andLeaveRowsKeyedByPersonAlone() {
        ArrivalIds.Provisional p = new ArrivalIds.Provisional();
        Row a = measurement(0);
        Row b = measurement(0);
        Row o = RuleTestKit.row("observation", "observation_id", 0L);
        Row death = RuleTestKit.row("death", "person_id", 42L);
        p.assign(a);
        p.assign(o);
        p.assign(b);
        p.assign(death);
        assertThat(List.of(a.get(0), b.get(0), o.get(0), death.get(0))).containsExactly(-1L, -2L, -1L, 42L);
        UnitReport report = new UnitReport();
        p.record(report);
        assertThat(report.details.get(ArrivalIds.DETAIL)).isEqualTo(Map.of("measurement", 2L, "observation", 1L));
    }

    @Test
    void renumber_givesDenseFinalIds_once(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("measurement/unit.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, MEASUREMENT, ParquetOptions.WORK.withIdBits(64))) {
            for (long id : new long[] {5, -1, 6, -2}) {
                w.write(measurement(id));
            }
        }
        ArrivalIds.renumber(file, MEASUREMENT, "measurement_id", 100, 2, ParquetOptions.WORK);
        assertThat(ids(file)).containsExactly(5L, 100L, 6L, 101L);
        byte[] once = Files.readAllBytes(file);
        // a completion run again (after a kill) finds the file numbered and leaves it as it is
        ArrivalIds.renumber(file, MEASUREMENT, "measurement_id", 100, 2, ParquetOptions.WORK);
        assertThat(Files.readAllBytes(file)).isEqualTo(once);
    }

    @Test
    void renumber_refusesAFileThatDisagreesWithItsReport(@TempDir Path dir) {
        Path file = dir.resolve("m.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, MEASUREMENT, ParquetOptions.WORK)) {
            w.write(measurement(-1));
        }
        assertThatThrownBy(() -> ArrivalIds.renumber(file, MEASUREMENT, "measurement_id", 10, 3, ParquetOptions.WORK))
                .hasMessageContaining("holds 1 provisional ids, its unit report 3");
    }

    private static List<Long> ids(Path file) {
        List<Long> out = new ArrayList<>();
        try (RowParquetReader r = RowParquetReader.open(file, MEASUREMENT)) {
            r.forEachRemaining(row -> out.add(row.getLong(0)));
        }
        return out;
    }
}
