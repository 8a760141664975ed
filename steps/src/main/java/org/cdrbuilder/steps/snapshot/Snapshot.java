package org.cdrbuilder.steps.snapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.SnapshotConfig;

import com.carrotsearch.hppc.IntHashSet;

/**
 * The count families of one tier, built from its scans and disseminated together (cells are shared between
 * families, so a count appears with one value wherever it is shown).
 *
 * @param families by family name, in publication order
 */
record Snapshot(String version, String tier, LocalDate cutoff, int cellSize, Map<String, FamilyTable> families) {

    static Snapshot build(String version, String tier, LocalDate cutoff, SnapshotConfig config, SnapshotInputs in,
                          ConceptNames names) {
        DataTypeCounts types = new DataTypeCounts(in);
        DemographicCounts demographics = new DemographicCounts(in.persons, types.all, config.ageBands, cutoff.getYear(),
                names);
        EnrollmentCounts enrollment = new EnrollmentCounts(in.persons, types.all);
        DomainCounts domains = new DomainCounts(in, types, names);
        SurveyCounts surveys = new SurveyCounts(in, types, domains, names);
        AchillesCounts achilles = new AchillesCounts(in, types, demographics, domains);
        Map<String, FamilyTable> families = new LinkedHashMap<>();
        for (FamilyTable f : List.of(enrollment.table, types.dataTypes, types.combinations, demographics.table,
                domains.domains, domains.concepts, surveys.modules, surveys.questions, surveys.answers, achilles.results,
                achilles.distributions)) {
            families.put(f.name(), f);
        }
        List<Cell> cells = new ArrayList<>();
        families.values().forEach(f -> cells.addAll(f.cells()));
        new Dissemination(config.cellSize).publish(cells);
        return new Snapshot(version, tier, cutoff, config.cellSize, families);
    }

    /** The concepts whose names the families show. */
    static IntHashSet conceptsToName(SnapshotInputs in) {
        IntHashSet ids = new IntHashSet();
        ScanFacts.Persons p = in.persons;
        for (Map<Integer, Long> m : List.of(p.gender, p.race, p.ethnicity, p.state)) {
            m.keySet().forEach(ids::add);
        }
        in.responses.modules.keySet().forEach(ids::add);
        for (ScanFacts.Events e : in.events.values()) {
            e.ehrConcepts.forEach(c -> ids.add(c.conceptId()));
            if (e.survey != null) {
                e.survey.questions.forEach(q -> ids.add(q.question()));
                e.survey.answers.forEach(a -> ids.add(a.answer()));
            }
        }
        return ids;
    }

    FamilyTable family(String name) {
        FamilyTable f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no count family " + name);
        }
        return f;
    }
}
