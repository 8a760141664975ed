package org.cdrbuilder.steps.snapshot;

import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.roaringbitmap.RoaringBitmap;

import com.carrotsearch.hppc.IntObjectHashMap;

/** survey_conduct of a tier: participants with a survey response, overall and per module. */
final class ResponseScan {
    private ResponseScan() {
    }

    static ScanFacts.Responses run(BuildContext ctx, String tier) {
        PersonIndex persons = PersonIndex.of(ctx, tier);
        TableDef sc = ctx.schema().table("survey_conduct");
        int module = sc.indexOf("survey_concept_id");
        int person = sc.indexOf("person_id");
        RoaringBitmap all = new RoaringBitmap();
        IntObjectHashMap<RoaringBitmap> byModule = new IntObjectHashMap<>();
        long[] rows = {0};
        RowParquetReader.forEach(ReleaseCandidate.forTier(ctx.layout(), tier).parts("survey_conduct"), sc,
                Set.of("person_id", "survey_concept_id"), r -> {
                    rows[0]++;
                    int p = persons.indexOf(r.getLong(person));
                    if (p < 0) {
                        return;
                    }
                    all.add(p);
                    int m = r.getIntOrZero(module);
                    RoaringBitmap s = byModule.get(m);
                    if (s == null) {
                        s = new RoaringBitmap();
                        byModule.put(m, s);
                    }
                    s.add(p);
                });
        ScanFacts.Responses f = new ScanFacts.Responses();
        f.rows = rows[0];
        f.persons = PersonSets.encode(all);
        byModule.forEach((com.carrotsearch.hppc.procedures.IntObjectProcedure<RoaringBitmap>)
                (m, s) -> f.modules.put(m, s.getLongCardinality()));
        return f;
    }
}
