package org.cdrbuilder.steps.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.references.DanglingVisitReferences.Action;
import org.cdrbuilder.steps.references.DanglingVisitReferences.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DanglingVisitReferencesTest {
    private static final TableDef CONDITION = CdrSchema.get().table("condition_occurrence");
    private static final TableDef CONDITION_EXT = CdrSchema.get().table("condition_occurrence_ext");
    private static final TableDef VISIT = CdrSchema.get().table("visit_occurrence");

    /** Visit 11 was removed by a cleaning rule, visit 21 by the tier's privacy rules. */
    private final RemovedVisits removed = RemovedVisits.of(Map.of(11L, "clean/ehr_date_floor",
            21L, "privacy-registered/sensitive_concepts_suppressed"));

    @TempDir
    Path dir;

    private static Row condition(long id, Long visit) {
        return new Row(CONDITION).set("condition_occurrence_id", id).set("person_id", 1L)
                .set("condition_concept_id", 320128).set("condition_start_date", LocalDate.of(2020, 1, 1))
                .set("condition_type_concept_id", 32817).set("visit_occurrence_id", visit);
    }

    private static Row visit(long id, Long preceding) {
        return new Row(VISIT).set("visit_occurrence_id", id).set("person_id", 1L).set("visit_concept_id", 9202)
                .set("visit_start_date", LocalDate.of(2020, 1, 1)).set("visit_end_date", LocalDate.of(2020, 1, 1))
                .set("visit_type_concept_id", 32817).set("preceding_visit_occurrence_id", preceding);
    }

    /** Writes a part of an earlier stage, {@code <stage>/data/<table>/<unit>.parquet}. */
    private Path part(TableDef table, String unit, List<Row> rows) {
        Path file = dir.resolve("privacy/data").resolve(table.name()).resolve(unit + ".parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, table, ParquetOptions.WORK)) {
            rows.forEach(w::write);
        }
        return file;
    }

    private Path conditionExt(String unit, long... ids) {
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(new Row(CONDITION_EXT).set("condition_occurrence_id", id).set("src_id", "EHR site 10" + id));
        }
        return part(CONDITION_EXT, unit, rows);
    }

    private Outcome apply(TableDef table, Path part, Path ext) {
        try (UnitOutputs out = new UnitOutputs(new WorkLayout(dir), "references", "u", ParquetOptions.WORK)) {
            Outcome o = new DanglingVisitReferences(removed).apply(table, part, ext, out);
            out.commit();
            return o;
        }
    }

    private Path output(String table) {
        return new WorkLayout(dir).output("references", table, "u");
    }

    private static List<List<Object>> read(Path file, TableDef table, String... columns) {
        List<List<Object>> out = new ArrayList<>();
        try (RowParquetReader r = RowParquetReader.open(file, table)) {
            r.forEachRemaining(row -> out.add(Arrays.stream(columns).map(row::get).toList()));
        }
        return out;
    }

    @Test
    void partWithDanglingReferences_isRewritten_nullingAndCountingThem_inTheSameOrder() {
        Path part = part(CONDITION, "u", List.of(condition(1, 10L), condition(2, 11L), condition(3, null),
                condition(4, 21L), condition(5, 12L)));
        Path ext = conditionExt("u", 1, 2, 3, 4, 5);

        Outcome o = apply(CONDITION, part, ext);

        assertThat(o).isEqualTo(new Outcome(5, 2, Action.REWRITTEN));
        assertThat(read(output("condition_occurrence"), CONDITION, "condition_occurrence_id", "visit_occurrence_id"))
                .containsExactly(List.of(1L, 10L), Arrays.asList(2L, null), Arrays.asList(3L, null),
                        Arrays.asList(4L, null), List.of(5L, 12L));
        // the other columns are untouched
        assertThat(read(output("condition_occurrence"), CONDITION, "condition_concept_id", "condition_start_date"))
                .containsOnly(List.of(320128, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void extPart_isTakenUnchanged_andStaysAlignedWithTheRewrittenPart() throws Exception {
        Path part = part(CONDITION, "u", List.of(condition(1, 11L), condition(2, 10L), condition(3, 21L)));
        Path ext = conditionExt("u", 1, 2, 3);

        apply(CONDITION, part, ext);

        assertThat(Files.isSameFile(output("condition_occurrence_ext"), ext)).isTrue();
        List<Object> mainIds = read(output("condition_occurrence"), CONDITION, "condition_occurrence_id").stream()
                .map(r -> r.get(0)).toList();
        List<Object> extIds = read(output("condition_occurrence_ext"), CONDITION_EXT, "condition_occurrence_id").stream()
                .map(r -> r.get(0)).toList();
        assertThat(extIds).isEqualTo(mainIds).containsExactly(1L, 2L, 3L);
    }

    @Test
    void changedRows_areSandboxedAsTheyWere_withRuleAndReason() {
        Path part = part(CONDITION, "u", List.of(condition(1, 10L), condition(2, 11L)));

        apply(CONDITION, part, null);

        Path sandbox = new WorkLayout(dir).sandbox("references", "condition_occurrence", "u");
        assertThat(read(sandbox, SandboxTables.of(CONDITION), "condition_occurrence_id", "visit_occurrence_id",
                SandboxTables.RULE_ID, SandboxTables.REASON)).containsExactly(List.of(2L, 11L,
                "visit_references_nulled", "visit_occurrence_id 11: visit removed by clean/ehr_date_floor"));
    }

    @Test
    void partWithoutDanglingReferences_isLinkedNotRewritten() throws Exception {
        Path part = part(CONDITION, "u", List.of(condition(1, 10L), condition(2, null), condition(3, 12L)));
        Path ext = conditionExt("u", 1, 2, 3);

        Outcome o = apply(CONDITION, part, ext);

        assertThat(o).isEqualTo(new Outcome(3, 0, Action.LINKED));
        assertThat(Files.isSameFile(output("condition_occurrence"), part)).isTrue();
        assertThat(Files.isSameFile(output("condition_occurrence_ext"), ext)).isTrue();
        assertThat(new WorkLayout(dir).sandboxFiles("references", "condition_occurrence")).isEmpty();
    }

    @Test
    void emptyPart_isLinked() {
        Path part = part(CONDITION, "u", List.of());

        assertThat(apply(CONDITION, part, null)).isEqualTo(new Outcome(0, 0, Action.LINKED));
        assertThat(output("condition_occurrence")).exists();
    }

    @Test
    void visits_ownPrecedingVisitReference_isNulled_andARowIsCountedOnce() {
        Path part = part(VISIT, "u", List.of(visit(10, 11L), visit(12, 10L), visit(13, null)));

        Outcome o = apply(VISIT, part, null);

        assertThat(o).isEqualTo(new Outcome(3, 1, Action.REWRITTEN));
        assertThat(read(output("visit_occurrence"), VISIT, "visit_occurrence_id", "preceding_visit_occurrence_id"))
                .containsExactly(Arrays.asList(10L, null), List.of(12L, 10L), Arrays.asList(13L, null));
    }

    @Test
    void surveyConduct_bothVisitColumnsAreChecked_andTheRowCountsOnce() {
        TableDef conduct = CdrSchema.get().table("survey_conduct");
        Row r = new Row(conduct);
        for (int i = 0; i < conduct.columnCount(); i++) {
            if (!conduct.column(i).nullable()) {
                r.set(i, switch (conduct.column(i).type()) {
                    case BIGINT -> 1L;
                    case INTEGER -> 0;
                    case DATE -> LocalDate.of(2020, 1, 1);
                    case TIMESTAMP -> LocalDate.of(2020, 1, 1).atStartOfDay();
                    default -> "x";
                });
            }
        }
        r.set("visit_occurrence_id", 11L).set("response_visit_occurrence_id", 21L);
        Path part = part(conduct, "u", List.of(r));

        assertThat(apply(conduct, part, null)).isEqualTo(new Outcome(1, 1, Action.REWRITTEN));
        assertThat(read(output("survey_conduct"), conduct, "visit_occurrence_id", "response_visit_occurrence_id"))
                .containsExactly(Arrays.asList(null, null));
    }

    @Test
    void referenceColumns_comeFromTheSchema() {
        assertThat(DanglingVisitReferences.referenceColumns(CONDITION)).containsExactly("visit_occurrence_id");
        assertThat(DanglingVisitReferences.referenceColumns(VISIT)).containsExactly("preceding_visit_occurrence_id");
        assertThat(DanglingVisitReferences.referenceColumns(CdrSchema.get().table("survey_conduct")))
                .containsExactly("visit_occurrence_id", "response_visit_occurrence_id");
        assertThat(DanglingVisitReferences.referenceColumns(CdrSchema.get().table("visit_occurrence_ext"))).isEmpty();
        assertThat(DanglingVisitReferences.referenceColumns(CdrSchema.get().table("steps_intraday"))).isEmpty();
        // every reference to a visit the schema declares is covered
        for (TableDef t : CdrSchema.get().tables()) {
            t.columns().stream().filter(c -> !c.primaryKey()
                            && c.references().map(fk -> fk.table().equals("visit_occurrence")).orElse(false))
                    .forEach(c -> assertThat(DanglingVisitReferences.referenceColumns(t)).contains(c.name()));
        }
    }
}
