package org.cdrbuilder.steps.snapshot;

import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.qa.facts.Facts;
import org.roaringbitmap.RoaringBitmap;

/**
 * One wearables table of a tier: the participants with Fitbit rows in it (only person_id is decoded). Read by the
 * snapshot's own unit, or counted from QA's scan of the tier ({@link Collector}), which reads every row anyway.
 */
final class WearableScan {
    private WearableScan() {
    }

    static ScanFacts.Wearables run(BuildContext ctx, String tier, String tableName, Runnable checkpoint) {
        TableDef table = ctx.schema().table(tableName);
        Tally tally = new Tally(PersonIndex.of(ctx, tier), table);
        RowParquetReader.forEach(ReleaseCandidate.forTier(ctx.layout(), tier).parts(tableName), table,
                Set.of("person_id"), r -> {
                    tally.add(r);
                    checkpoint.run();
                });
        return tally.facts();
    }

    /** The count itself, fed row by row. */
    static final class Tally {
        private final PersonIndex persons;
        private final TableDef table;
        private final int person;
        private final RoaringBitmap any = new RoaringBitmap();
        private long rows;
        private long last = Long.MIN_VALUE;

        Tally(PersonIndex persons, TableDef table) {
            this.persons = persons;
            this.table = table;
            this.person = table.indexOf("person_id");
        }

        void add(Row r) {
            rows++;
            long id = r.getLong(person);
            if (id != last) { // minute-level rows come in runs of one participant
                last = id;
                int p = persons.indexOf(id);
                if (p >= 0) {
                    any.add(p);
                }
            }
        }

        ScanFacts.Wearables facts() {
            ScanFacts.Wearables f = new ScanFacts.Wearables();
            f.table = table.name();
            f.rows = rows;
            f.persons = PersonSets.encode(any);
            return f;
        }
    }

    /** The tally of one wearables table fed from QA's scan of the tier. */
    static final class Collector implements FactCollector {
        private final Tally tally;
        private final TableDef table;
        private ScanFacts.Wearables facts;

        Collector(PersonIndex persons, TableDef table) {
            this.tally = new Tally(persons, table);
            this.table = table;
        }

        @Override
        public String table() {
            return table.name();
        }

        @Override
        public Set<String> columns() {
            return Set.of("person_id");
        }

        @Override
        public void accept(Row row) {
            tally.add(row);
        }

        @Override
        public void publish(Facts f) {
            facts = tally.facts();
        }

        ScanFacts.Wearables facts() {
            if (facts == null) {
                throw new IllegalStateException("the scan of " + table.name() + " did not finish");
            }
            return facts;
        }
    }
}
