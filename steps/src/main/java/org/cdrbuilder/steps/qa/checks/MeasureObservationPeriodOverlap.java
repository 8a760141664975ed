package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.sorting.IndirectSort;
import com.google.auto.service.AutoService;

/**
 * A person's observation periods neither overlap nor touch (OMOP: adjacent periods are merged into one). Counts
 * persons, over the persons with any period; the periods are held as three primitives per row (about one per person).
 */
@AutoService(QaCheck.class)
public final class MeasureObservationPeriodOverlap implements QaCheck {
    static final String TABLE = "observation_period";
    static final CheckType TYPE = new CheckType("measureObservationPeriodOverlap", CheckLevel.TABLE,
            CheckCategory.PLAUSIBILITY, "Temporal", "Verification", "The number and percent of persons with "
            + "overlapping or back-to-back observation periods in the @cdmTableName table");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.name().equals(TABLE) ? List.of(new Overlap(table, ctx)) : List.of();
    }

    private static final class Overlap extends ProbeBase {
        private final int person;
        private final int start;
        private final int end;
        private final LongArrayList persons = new LongArrayList();
        private final IntArrayList starts = new IntArrayList();
        private final IntArrayList ends = new IntArrayList();

        Overlap(TableDef table, QaContext ctx) {
            super(CheckKey.table(TYPE.name(), table.name()), table, ctx, "observation_period_start_date",
                    "observation_period_end_date");
            this.person = table.indexOf("person_id");
            this.start = table.indexOf("observation_period_start_date");
            this.end = table.indexOf("observation_period_end_date");
        }

        @Override
        public void accept(Row row) {
            if (row.get(person) instanceof Long p && row.get(start) instanceof LocalDate s
                    && row.get(end) instanceof LocalDate e) {
                persons.add(p);
                starts.add((int) s.toEpochDay());
                ends.add((int) e.toEpochDay());
            }
        }

        @Override
        public void finish(QaContext ctx) {
            long[] p = persons.toArray();
            int[] s = starts.toArray();
            int[] e = ends.toArray();
            int[] order = IndirectSort.mergesort(0, p.length, (a, b) -> p[a] != p[b] ? Long.compare(p[a], p[b])
                    : Integer.compare(s[a], s[b]));
            int i = 0;
            while (i < order.length) {
                int j = i;
                boolean overlapping = false;
                int reach = e[order[i]];
                while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                    j++;
                    if (s[order[j]] <= reach + 1 && !overlapping) {
                        overlapping = true;
                        if (counts.violate()) {
                            counts.example(Map.of("person_id", p[order[i]], "period_starts", LocalDate.ofEpochDay(s[order[j]]),
                                    "previous_period_ends", LocalDate.ofEpochDay(reach)));
                        }
                    }
                    reach = Math.max(reach, e[order[j]]);
                }
                counts.row();
                i = j + 1;
            }
        }
    }
}
