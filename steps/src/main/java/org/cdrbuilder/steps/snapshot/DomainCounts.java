package org.cdrbuilder.steps.snapshot;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Data Browser counts (per EHR domain: distinct concepts and participants; per concept: participants and records;
 * rows from EHR sites only, concept 0 left out) and the per-concept cells of Achilles (all rows, concept 0 included).
 * Containment: everyone -> participants with a row in the table -> a concept's participants (all rows) -> the same
 * concept from EHR sites; and participants with EHR -> participants with EHR rows in the table -> its EHR concepts.
 */
final class DomainCounts {
    final FamilyTable domains = new FamilyTable("domains", "snapshot_domains");
    final FamilyTable concepts = new FamilyTable("concepts", "snapshot_concepts");
    /** Participants with any row in the table (Achilles distribution populations). */
    final Map<EventTable, Cell> personsInTable = new java.util.LinkedHashMap<>();
    /** Per table and concept, all rows: {participants, records}. */
    final Map<EventTable, Map<Integer, Cell[]>> achilles = new java.util.LinkedHashMap<>();

    DomainCounts(SnapshotInputs in, DataTypeCounts types, ConceptNames names) {
        for (EventTable t : EventTable.values()) {
            ScanFacts.Events e = in.events(t);
            Cell inTable = new Cell(PersonSets.decode(e.persons).getLongCardinality());
            Cell ehrInTable = new Cell(PersonSets.decode(e.ehrPersons).getLongCardinality());
            types.all.contains(inTable);
            inTable.contains(ehrInTable);
            types.byType.get(DataType.EHR).contains(ehrInTable);
            if (t == EventTable.MEASUREMENT) {
                inTable.contains(types.byType.get(DataType.PHYSICAL_MEASUREMENTS));
            }
            personsInTable.put(t, inTable);
            Map<Integer, Cell[]> byConcept = new TreeMap<>();
            for (ScanFacts.ConceptCount c : e.concepts) {
                Cell persons = new Cell(c.persons());
                inTable.contains(persons);
                byConcept.put(c.conceptId(), new Cell[] {persons, new Cell(c.records())});
            }
            achilles.put(t, byConcept);
            long distinct = 0;
            for (ScanFacts.ConceptCount c : e.ehrConcepts) {
                if (c.conceptId() == 0) {
                    continue;
                }
                distinct++;
                Cell[] fromAll = byConcept.get(c.conceptId());
                Cell persons = new Cell(c.persons());
                Cell records = new Cell(c.records());
                ehrInTable.contains(persons);
                fromAll[0].contains(persons);
                fromAll[1].contains(records);
                int id = c.conceptId();
                concepts.add(t.domain(), id, names.name(id), names.vocabulary(id), names.code(id), persons, records);
            }
            domains.add(t.domain(), t.table(), distinct, ehrInTable);
        }
    }
}
