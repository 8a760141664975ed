package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.DomainTables;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zero_concept_rows: rows loaded / rows sandboxed / rows remaining. */
class ZeroConceptRowsTest {
    static final LocalDate DAY = LocalDate.of(2020, 1, 1);
    static final List<String> EVENT_TABLES = List.of("condition_occurrence", "drug_exposure", "procedure_occurrence",
            "measurement", "observation", "device_exposure");

    @TempDir
    Path tmp;

    /** A row of an event table with the given concept, source concept and source value. */
    static Row event(String table, long id, Integer concept, Integer sourceConcept, String sourceValue) {
        Row r = row(table, DomainTables.column(table, "id").orElseThrow(), id, "person_id", 1L,
                DomainTables.column(table, "date").orElseThrow(), DAY, DomainTables.column(table, "type").orElseThrow(), 32817);
        DomainTables.column(table, "end_date").ifPresent(c -> r.set(c, DAY));
        r.set(DomainTables.column(table, "concept").orElseThrow(), concept);
        r.set(DomainTables.column(table, "source_concept").orElseThrow(), sourceConcept);
        r.set(DomainTables.column(table, "source_value").orElseThrow(), sourceValue);
        return r;
    }

    @Test
    void rowsWithoutConceptSourceConceptOrSourceValue_removedFromEveryEventTable() {
        List<Row> loaded = new ArrayList<>();
        long id = 1;
        for (String table : EVENT_TABLES) {
            loaded.add(event(table, id++, 0, 0, null));
            loaded.add(event(table, id++, null, null, "  "));
            loaded.add(event(table, id++, 0, null, "E11.9"));
        }
        var result = new RuleTestKit(tmp).participant(1).run(new ZeroConceptRows(), loaded);

        assertThat(loaded).hasSize(18);
        assertThat(result.sandboxed).hasSize(12).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("zero_concept_rows");
            assertThat(s.action()).isEqualTo("removed");
            assertThat(s.reason()).isEqualTo("no concept, source concept or source value");
        });
        assertThat(result.remaining).hasSize(6)
                .allSatisfy(r -> assertThat(r.get(DomainTables.column(r.table().name(), "source_value").orElseThrow()))
                        .isEqualTo("E11.9"));
    }

    @Test
    void rowsWithAnyUsableConcept_stay() {
        List<Row> loaded = List.of(event("condition_occurrence", 1, 201826, null, null),
                event("condition_occurrence", 2, 0, 1567956, null),
                event("condition_occurrence", 3, 0, 0, "XYZ.1"),
                event("measurement", 4, null, null, "local-lab-17"));
        var result = new RuleTestKit(tmp).participant(1).run(new ZeroConceptRows(), loaded);
        assertThat(result.remaining).containsExactlyElementsOf(loaded);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void visits_areNotTouched() {
        Row visit = row("visit_occurrence", "visit_occurrence_id", 9L, "person_id", 1L, "visit_concept_id", 0,
                "visit_start_date", DAY, "visit_end_date", DAY, "visit_type_concept_id", 32817);
        var result = new RuleTestKit(tmp).participant(1).run(new ZeroConceptRows(), List.of(visit));
        assertThat(result.remaining).containsExactly(visit);
        assertThat(new ZeroConceptRows().info().tables()).containsExactlyInAnyOrderElementsOf(EVENT_TABLES);
    }
}
