package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.roaringbitmap.RoaringBitmap;

/** The scan results of one tier, as the family builders read them. */
final class SnapshotInputs {
    ScanFacts.Persons persons;
    ScanFacts.Responses responses;
    ScanFacts.Periods periods;
    /** By table, in plan order. */
    final Map<String, ScanFacts.Events> events = new LinkedHashMap<>();
    final List<ScanFacts.Wearables> wearables = new ArrayList<>();

    void add(Object facts) {
        if (facts instanceof ScanFacts.Persons p) {
            persons = p;
        } else if (facts instanceof ScanFacts.Responses r) {
            responses = r;
        } else if (facts instanceof ScanFacts.Periods p) {
            periods = p;
        } else if (facts instanceof ScanFacts.Events e) {
            events.put(e.table, e);
        } else if (facts instanceof ScanFacts.Wearables w) {
            wearables.add(w);
        } else {
            throw new IllegalArgumentException("unknown scan result " + facts);
        }
    }

    /** Checks that every scan the counts need is there. */
    SnapshotInputs complete() {
        if (persons == null || responses == null || periods == null) {
            throw new IllegalStateException("snapshot scans missing: persons, responses and periods are all needed");
        }
        for (EventTable t : EventTable.values()) {
            if (!events.containsKey(t.table())) {
                throw new IllegalStateException("snapshot scan missing for " + t.table());
            }
        }
        return this;
    }

    ScanFacts.Events events(EventTable table) {
        return events.get(table.table());
    }

    /** Participants with a row from an EHR site in any clinical table. */
    RoaringBitmap ehrPersons() {
        RoaringBitmap all = new RoaringBitmap();
        events.values().forEach(e -> all.or(PersonSets.decode(e.ehrPersons)));
        return all;
    }

    /** Participants with a row in any wearables table. */
    RoaringBitmap fitbitPersons() {
        RoaringBitmap all = new RoaringBitmap();
        wearables.forEach(w -> all.or(PersonSets.decode(w.persons)));
        return all;
    }
}
