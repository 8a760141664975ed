package org.cdrbuilder.steps.snapshot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Participants by gender, race, ethnicity, age at the cutoff date and state of residence; the same gender, race,
 * ethnicity and year-of-birth cells are Achilles analyses 2, 4, 5 and 3. Age is the cutoff year minus the year of
 * birth (releases keep only the year), so an age band is exactly a set of birth years and contains their cells.
 */
final class DemographicCounts {
    final FamilyTable table = new FamilyTable("demographics", "snapshot_demographics");
    final Map<Integer, Cell> gender = new TreeMap<>();
    final Map<Integer, Cell> race = new TreeMap<>();
    final Map<Integer, Cell> ethnicity = new TreeMap<>();
    final Map<Integer, Cell> yearOfBirth = new TreeMap<>();

    DemographicCounts(ScanFacts.Persons facts, Cell all, List<Integer> ageBands, int cutoffYear, ConceptNames names) {
        concepts("gender", facts.gender, gender, all, names);
        concepts("race", facts.race, race, all, names);
        concepts("ethnicity", facts.ethnicity, ethnicity, all, names);
        facts.yearOfBirth.forEach((year, n) -> yearOfBirth.put(year, new Cell(n)));
        ages(ageBands, cutoffYear, all);
        concepts("state", facts.state, new TreeMap<>(), all, names);
    }

    private void concepts(String category, Map<Integer, Long> counts, Map<Integer, Cell> cells, Cell all,
                          ConceptNames names) {
        counts.forEach((concept, n) -> {
            Cell c = new Cell(n);
            all.contains(c);
            cells.put(concept, c);
            table.add(category, concept, names.name(concept), c);
        });
    }

    private void ages(List<Integer> bands, int cutoffYear, Cell all) {
        Map<Integer, Long> perBand = new TreeMap<>();
        Map<Integer, List<Cell>> members = new TreeMap<>();
        yearOfBirth.forEach((year, cell) -> {
            int band = band(bands, cutoffYear - year);
            perBand.merge(band, cell.raw(), Long::sum);
            members.computeIfAbsent(band, k -> new java.util.ArrayList<>()).add(cell);
        });
        for (int b = -1; b < bands.size(); b++) {
            if (b < 0 && !perBand.containsKey(b)) {
                continue;
            }
            Cell c = new Cell(perBand.getOrDefault(b, 0L));
            members.getOrDefault(b, List.of()).forEach(c::contains);
            all.contains(c);
            table.add("age", null, label(bands, b), c);
        }
    }

    /** Index of the band of an age; -1 below the first band. */
    static int band(List<Integer> bands, int age) {
        int b = -1;
        for (int i = 0; i < bands.size() && age >= bands.get(i); i++) {
            b = i;
        }
        return b;
    }

    static String label(List<Integer> bands, int b) {
        if (b < 0) {
            return "under " + bands.get(0);
        }
        if (b == bands.size() - 1) {
            return bands.get(b) + " and over";
        }
        return bands.get(b) + "-" + (bands.get(b + 1) - 1);
    }
}
