package org.cdrbuilder.steps.snapshot;

import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.roaringbitmap.RoaringBitmap;

/** One wearables table of a tier: the participants with Fitbit rows in it (only person_id is decoded). */
final class WearableScan {
    private WearableScan() {
    }

    static ScanFacts.Wearables run(BuildContext ctx, String tier, String tableName, Runnable checkpoint) {
        PersonIndex persons = PersonIndex.of(ctx, tier);
        TableDef table = ctx.schema().table(tableName);
        int person = table.indexOf("person_id");
        RoaringBitmap any = new RoaringBitmap();
        long[] rows = {0};
        long[] last = {Long.MIN_VALUE};
        RowParquetReader.forEach(ReleaseCandidate.forTier(ctx.layout(), tier).parts(tableName), table,
                Set.of("person_id"), r -> {
                    rows[0]++;
                    long id = r.getLong(person);
                    if (id != last[0]) { // minute-level rows come in runs of one participant
                        last[0] = id;
                        int p = persons.indexOf(id);
                        if (p >= 0) {
                            any.add(p);
                        }
                    }
                    checkpoint.run();
                });
        ScanFacts.Wearables f = new ScanFacts.Wearables();
        f.table = tableName;
        f.rows = rows[0];
        f.persons = PersonSets.encode(any);
        return f;
    }
}
