package org.cdrbuilder.steps.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemovedVisitsTest {
    private static final TableDef VISIT = CdrSchema.get().table("visit_occurrence");

    @TempDir
    Path dir;

    /** A visit a rule sandboxed. */
    private record Sandboxed(long id, String rule) {
    }

    private static Row visit(long id) {
        return new Row(VISIT).set("visit_occurrence_id", id).set("person_id", 1L).set("visit_concept_id", 9202)
                .set("visit_start_date", LocalDate.of(2020, 1, 1)).set("visit_end_date", LocalDate.of(2020, 1, 1))
                .set("visit_type_concept_id", 32817);
    }

    /** A unit of {@code stage} that sandboxed visits ({@code id, rule}) and removed some of them by {@code removing}. */
    private void unit(WorkLayout layout, String stage, String unit, List<Sandboxed> sandboxed, String... removing) {
        try (RowParquetWriter w = RowParquetWriter.open(layout.sandbox(stage, "visit_occurrence", unit),
                SandboxTables.of(VISIT), ParquetOptions.WORK)) {
            for (Sandboxed s : sandboxed) {
                w.write(SandboxTables.copy(visit(s.id()), s.rule(), "why"));
            }
        }
        UnitReport r = new UnitReport();
        r.unit = unit;
        r.stage = stage;
        for (String rule : removing) {
            r.table("visit_occurrence").removed.put(rule, 1L);
        }
        r.table("visit_occurrence").changed.put("end_before_start_fixed", 1L);
        layout.writeReport(stage, r);
    }

    private Path published(long... ids) {
        Path file = dir.resolve("published.parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, VISIT, ParquetOptions.WORK)) {
            for (long id : ids) {
                w.write(visit(id));
            }
        }
        return file;
    }

    @Test
    void collect_takesRemovedVisitsOfBothStages_notChangedOnes() {
        WorkLayout layout = new WorkLayout(dir);
        unit(layout, "clean", "a", List.of(new Sandboxed(1, "ehr_date_floor"), new Sandboxed(2, "end_before_start_fixed")),
                "ehr_date_floor");
        unit(layout, "clean", "b", List.of(new Sandboxed(3, "end_before_start_fixed")));
        unit(layout, "privacy-t", "c", List.of(new Sandboxed(4, "sensitive_concepts_suppressed")),
                "sensitive_concepts_suppressed");
        unit(layout, "privacy-other", "d", List.of(new Sandboxed(5, "age_89_and_over_excluded")),
                "age_89_and_over_excluded");

        RemovedVisits removed = RemovedVisits.collect(layout, List.of("clean", "privacy-t"), List.of(published(2, 3, 6)));

        assertThat(removed.size()).isEqualTo(2);
        assertThat(removed.removedBy(1)).isEqualTo("clean/ehr_date_floor");
        assertThat(removed.removedBy(4)).isEqualTo("privacy-t/sensitive_concepts_suppressed");
        assertThat(removed.contains(2)).isFalse();
        assertThat(removed.contains(5)).as("another tier's removal").isFalse();
    }

    @Test
    void collect_dropsVisitsTheTierStillPublishes() {
        // a rule that removed one visit and changed another in the same unit: the sandbox rows look alike
        WorkLayout layout = new WorkLayout(dir);
        unit(layout, "clean", "a", List.of(new Sandboxed(1, "data_after_cutoff"), new Sandboxed(2, "data_after_cutoff")),
                "data_after_cutoff");

        RemovedVisits removed = RemovedVisits.collect(layout, List.of("clean"), List.of(published(2)));

        assertThat(removed.contains(1)).isTrue();
        assertThat(removed.contains(2)).isFalse();
        assertThat(removed.size()).isEqualTo(1);
    }

    @Test
    void collect_withoutSandboxes_isEmpty() {
        assertThat(RemovedVisits.collect(new WorkLayout(dir), List.of("clean", "privacy-t"), List.of()).isEmpty()).isTrue();
    }
}
