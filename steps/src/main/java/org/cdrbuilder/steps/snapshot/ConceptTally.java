package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

import com.carrotsearch.hppc.IntLongHashMap;
import com.carrotsearch.hppc.IntObjectHashMap;

/**
 * Participants and records per concept of one table, and distinct concepts per participant. Participants of a concept
 * are a bitmap of person indexes: memory grows with distinct (participant, concept) pairs, compressed.
 */
final class ConceptTally {
    private final IntObjectHashMap<RoaringBitmap> persons = new IntObjectHashMap<>();
    private final IntLongHashMap records = new IntLongHashMap();
    private final RoaringBitmap anyConcept = new RoaringBitmap();
    private final int[] conceptsPerPerson;

    ConceptTally(int participants) {
        this.conceptsPerPerson = new int[participants];
    }

    void add(int conceptId, int person) {
        RoaringBitmap set = persons.get(conceptId);
        if (set == null) {
            set = new RoaringBitmap();
            persons.put(conceptId, set);
        }
        if (set.checkedAdd(person)) {
            conceptsPerPerson[person]++;
        }
        records.addTo(conceptId, 1);
        anyConcept.add(person);
    }

    /** Participants with at least one row. */
    RoaringBitmap persons() {
        return anyConcept;
    }

    /** Per concept, ascending by concept id. */
    List<ScanFacts.ConceptCount> counts() {
        int[] ids = persons.keys().toArray();
        Arrays.sort(ids);
        List<ScanFacts.ConceptCount> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(new ScanFacts.ConceptCount(id, persons.get(id).getLongCardinality(), records.get(id)));
        }
        return out;
    }

    /** Distinct concepts per participant with a row (Achilles x03). */
    Distribution conceptsPerPerson(int cellSize) {
        int[] values = new int[anyConcept.getCardinality()];
        int n = 0;
        for (int p : anyConcept) {
            values[n++] = conceptsPerPerson[p];
        }
        return Distribution.of(values, n, cellSize);
    }
}
