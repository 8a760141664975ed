package org.cdrbuilder.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;

/** A session reuses keep/remove decisions of person- and day-scoped rules, and nothing else. */
class RuleEngineSessionTest {
    static final TableDef STEPS = CdrSchema.get().table("steps_intraday");

    /** A rule that counts its calls and removes persons in {@code removed} (or, for a ROW rule, odd step counts). */
    static final class Counting implements CleaningRule {
        final AtomicInteger calls = new AtomicInteger();
        final String id;
        final Scope scope;

        Counting(String id, Scope scope) {
            this.id = id;
            this.scope = scope;
        }

        @Override
        public RuleInfo info() {
            return RuleInfo.of(id, "test", List.of("steps_intraday"));
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public ChangedColumns changes() {
            return ChangedColumns.named("steps_intraday.steps");
        }

        @Override
        public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
            calls.incrementAndGet();
            return switch (scope) {
                case PERSON -> (Long) row.get("person_id") == 2L ? Verdict.remove("person 2") : Verdict.KEEP;
                case PERSON_DAY -> ((java.time.LocalDateTime) row.get("datetime")).getDayOfMonth() == 2
                        ? Verdict.remove("day 2") : Verdict.KEEP;
                case ROW -> ((Number) row.get("steps")).intValue() % 2 == 1
                        ? Verdict.change("odd", r -> r.set("steps", 0)) : Verdict.KEEP;
            };
        }
    }

    static Row row(long person, int day, int minute, int steps) {
        return new Row(STEPS).set("person_id", person)
                .set("datetime", LocalDate.of(2024, 1, day).atStartOfDay().plusMinutes(minute)).set("steps", steps);
    }

    @Test
    void decisionsAreReusedPerPersonAndDay_changesNever_resultsAsWithoutReuse() {
        Counting byPerson = new Counting("by_person", CleaningRule.Scope.PERSON);
        Counting byDay = new Counting("by_day", CleaningRule.Scope.PERSON_DAY);
        Counting byRow = new Counting("by_row", CleaningRule.Scope.ROW);
        RuleEngine engine = RuleEngine.of(List.of(byPerson, byDay, byRow));
        List<Row> rows = new ArrayList<>();
        for (long person = 1; person <= 3; person++) {
            for (int day = 1; day <= 3; day++) {
                for (int minute = 0; minute < 100; minute++) {
                    rows.add(row(person, day, minute, minute));
                }
            }
        }
        RuleEngine.Session session = engine.session(r -> ((java.time.LocalDateTime) r.get("datetime")).toLocalDate().toEpochDay());
        List<String> withReuse = run(rows, (r, l) -> session.apply(r, RowOrigin.UNKNOWN, null, l, (x, t) -> x));
        assertThat(byPerson.calls.get()).as("one call per person").isEqualTo(3);
        assertThat(byDay.calls.get()).as("one call per person and day (by_day runs first)").isEqualTo(9);
        assertThat(byRow.calls.get()).as("every kept row").isEqualTo(400);
        List<String> plain = run(rows, (r, l) -> engine.apply(r, RowOrigin.UNKNOWN, null, l, (x, t) -> x));
        assertThat(withReuse).isEqualTo(plain).hasSize(300 + 200 + 200 + 400); // removed by day, by person, changed, kept
    }

    private interface Applier {
        Row apply(Row r, RuleEngine.Listener l);
    }

    private static List<String> run(List<Row> rows, Applier a) {
        List<String> out = new ArrayList<>();
        RuleEngine.Listener l = new RuleEngine.Listener() {
            @Override
            public void removed(CleaningRule rule, Row before, String reason) {
                out.add("removed " + rule.info().id() + " " + before.get("person_id") + " " + before.get("datetime"));
            }

            @Override
            public void changed(CleaningRule rule, Row before, String reason) {
                out.add("changed " + rule.info().id() + " " + before.get("steps"));
            }

            @Override
            public void moved(CleaningRule rule, Row before, String to, String reason) {
            }

            @Override
            public void created(CleaningRule rule, List<Row> created, String reason) {
            }
        };
        for (Row r : rows) {
            Row kept = a.apply(r.copy(), l);
            if (kept != null) {
                out.add("kept " + kept.get("person_id") + " " + kept.get("datetime") + " " + kept.get("steps"));
            }
        }
        return out;
    }
}
