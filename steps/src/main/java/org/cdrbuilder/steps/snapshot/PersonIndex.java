package org.cdrbuilder.steps.snapshot;

import java.util.Arrays;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;

/**
 * The participants of a tier (its {@code person} table) numbered 0..n-1 in person_id order, so that sets of
 * participants are bitmaps and per-participant values are arrays: memory grows with participants only.
 */
final class PersonIndex {
    private final long[] ids;
    private final int[] yearOfBirth;
    private final LongIntHashMap positions;

    private PersonIndex(long[] ids, int[] yearOfBirth) {
        this.ids = ids;
        this.yearOfBirth = yearOfBirth;
        this.positions = new LongIntHashMap(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (i > 0 && ids[i] == ids[i - 1]) {
                throw new IllegalStateException("person_id " + ids[i] + " appears twice in the person table");
            }
            positions.put(ids[i], i);
        }
    }

    /** The index of a tier, built once per JVM from the tier's current person table. */
    static PersonIndex of(BuildContext ctx, String tier) {
        return ctx.get(ARTIFACT.of(tier));
    }

    /** The person index of a tier's candidate (person id to position and year of birth), for the snapshot scans. */
    static final org.cdrbuilder.core.stage.Artifact.PerTier<PersonIndex> ARTIFACT =
            org.cdrbuilder.core.stage.Artifact.perTier("snapshot-person-index", PersonIndex.class, false, PersonIndex::load);

    private static PersonIndex load(BuildContext ctx, String tier) {
        TableDef person = ctx.schema().table("person");
        LongArrayList pairs = new LongArrayList();
        RowParquetReader.forEach(ReleaseCandidate.forTier(ctx.layout(), tier).parts("person"), person,
                Set.of("person_id", "year_of_birth"), r -> {
                    pairs.add(r.getLong(0));
                    pairs.add(r.getIntOrZero(person.indexOf("year_of_birth")));
                });
        int n = pairs.size() / 2;
        long[][] rows = new long[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new long[] {pairs.get(2 * i), pairs.get(2 * i + 1)};
        }
        Arrays.sort(rows, (a, b) -> Long.compare(a[0], b[0]));
        long[] ids = new long[n];
        int[] yob = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rows[i][0];
            yob[i] = (int) rows[i][1];
        }
        return new PersonIndex(ids, yob);
    }

    /** Builds an index from known rows (tests). */
    static PersonIndex of(long[] sortedIds, int[] yearOfBirth) {
        return new PersonIndex(sortedIds.clone(), yearOfBirth.clone());
    }

    int size() {
        return ids.length;
    }

    /** The index of a person_id, or -1 when the person is not in the tier's person table. */
    int indexOf(long personId) {
        return positions.getOrDefault(personId, -1);
    }

    long personId(int index) {
        return ids[index];
    }

    int yearOfBirth(int index) {
        return yearOfBirth[index];
    }
}
