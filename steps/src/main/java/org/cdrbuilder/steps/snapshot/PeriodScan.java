package org.cdrbuilder.steps.snapshot;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.roaringbitmap.RoaringBitmap;

/**
 * observation_period of a tier: each participant's first period gives Achilles 103 (age at its start: year of start
 * minus year of birth) and 105 (its length in days).
 */
final class PeriodScan {
    private PeriodScan() {
    }

    static ScanFacts.Periods run(BuildContext ctx, String tier, int cellSize) {
        PersonIndex persons = PersonIndex.of(ctx, tier);
        TableDef op = ctx.schema().table("observation_period");
        int person = op.indexOf("person_id");
        int start = op.indexOf("observation_period_start_date");
        int end = op.indexOf("observation_period_end_date");
        long[] firstStart = new long[persons.size()];
        long[] firstEnd = new long[persons.size()];
        Arrays.fill(firstStart, Long.MAX_VALUE);
        RoaringBitmap any = new RoaringBitmap();
        long[] rows = {0};
        RowParquetReader.forEach(ReleaseCandidate.forTier(ctx.layout(), tier).parts("observation_period"), op,
                Set.of("person_id", "observation_period_start_date", "observation_period_end_date"), r -> {
                    rows[0]++;
                    int p = persons.indexOf(r.getLong(person));
                    LocalDate s = r.getDate(start);
                    if (p < 0 || s == null) {
                        return;
                    }
                    long day = s.toEpochDay();
                    if (day < firstStart[p]) {
                        firstStart[p] = day;
                        LocalDate e = r.getDate(end);
                        firstEnd[p] = e == null ? day : e.toEpochDay();
                    }
                    any.add(p);
                });
        int[] ages = new int[any.getCardinality()];
        int[] days = new int[ages.length];
        int n = 0;
        for (int p : any) {
            ages[n] = LocalDate.ofEpochDay(firstStart[p]).getYear() - persons.yearOfBirth(p);
            days[n++] = (int) (firstEnd[p] - firstStart[p]);
        }
        ScanFacts.Periods f = new ScanFacts.Periods();
        f.rows = rows[0];
        f.persons = PersonSets.encode(any);
        f.ageAtFirstObservation = Distribution.of(ages, n, cellSize);
        f.firstPeriodDays = Distribution.of(days, n, cellSize);
        return f;
    }
}
