package org.cdrbuilder.steps.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcedRowsTest {
    private static final ParquetOptions PARQUET = new ParquetOptions(1, false, 1 << 20);

    @TempDir
    Path tmp;

    private ReleaseCandidate candidate(long[] deaths, long[] provenance, String... sources) {
        WorkLayout layout = new WorkLayout(tmp);
        TableDef death = CdrSchema.get().table("death");
        TableDef ext = CdrSchema.get().table("death_ext");
        try (RowParquetWriter w = RowParquetWriter.open(layout.output("clean", "death", "u1"), death, PARQUET)) {
            for (long id : deaths) {
                w.write(new Row(death).set("person_id", id).set("death_date", LocalDate.of(2020, 1, 1)));
            }
        }
        try (RowParquetWriter w = RowParquetWriter.open(layout.output("clean", "death_ext", "u1"), ext, PARQUET)) {
            for (int i = 0; i < provenance.length; i++) {
                w.write(new Row(ext).set("person_id", provenance[i]).set("src_id", sources[i]));
            }
        }
        ReleaseCandidate c = new ReleaseCandidate(layout, null);
        c.register("clean", List.of("death", "death_ext"));
        return c;
    }

    @Test
    void forEach_pairsEachRowWithItsProvenance() {
        ReleaseCandidate c = candidate(new long[] {1, 2}, new long[] {1, 2}, "EHR site 101", "Participant Portal 1");
        List<String> seen = new ArrayList<>();
        long rows = SourcedRows.forEach(c, CdrSchema.get().table("death"), Set.of("person_id"),
                (row, source) -> seen.add(row.get(0) + "=" + source + "/" + SourcedRows.isEhr(source)));
        assertThat(rows).isEqualTo(2);
        assertThat(seen).containsExactly("1=EHR site 101/true", "2=Participant Portal 1/false");
    }

    @Test
    void forEach_failsLoudlyWhenProvenanceIsNotInStep() {
        ReleaseCandidate c = candidate(new long[] {1, 2}, new long[] {1, 3}, "EHR site 101", "EHR site 101");
        assertThatThrownBy(() -> SourcedRows.forEach(c, CdrSchema.get().table("death"), Set.of(), (r, s) -> { }))
                .hasMessageContaining("death_ext is not in step with death");
        ReleaseCandidate shorter = candidate(new long[] {1, 2}, new long[] {1}, "EHR site 101");
        assertThatThrownBy(() -> SourcedRows.forEach(shorter, CdrSchema.get().table("death"), Set.of(), (r, s) -> { }))
                .hasMessageContaining("not in step");
    }
}
