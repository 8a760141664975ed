package org.cdrbuilder.steps.snapshot;

import java.util.Map;

/**
 * Achilles-compatible results over the same cells as the other families (so the same count is never published
 * twice with different values): 1 persons; 2, 3, 4, 5 persons by gender, year of birth, race, ethnicity; x00 and x01
 * persons and records by concept of the visit (200), condition (400), procedure (600), drug (700), observation (800),
 * measurement (1800) and device (2100) tables; distributions 103 (age at first observation period), 105 (length of
 * the first observation period in days) and x03 (distinct concepts per person of each table).
 */
final class AchillesCounts {
    final FamilyTable results = new FamilyTable("achilles_results", "achilles_results");
    final FamilyTable distributions = new FamilyTable("achilles_results_dist", "achilles_results_dist");

    AchillesCounts(SnapshotInputs in, DataTypeCounts types, DemographicCounts demographics, DomainCounts domains) {
        result(1, null, types.all);
        strata(2, demographics.gender);
        strata(3, demographics.yearOfBirth);
        strata(4, demographics.race);
        strata(5, demographics.ethnicity);
        for (EventTable t : byAnalysis()) {
            domains.achilles.get(t).forEach((concept, cells) -> result(t.personsAnalysis(), concept, cells[0]));
            domains.achilles.get(t).forEach((concept, cells) -> result(t.recordsAnalysis(), concept, cells[1]));
        }
        Cell observed = new Cell(PersonSets.decode(in.periods.persons).getLongCardinality());
        types.all.contains(observed);
        distribution(103, in.periods.ageAtFirstObservation, observed);
        distribution(105, in.periods.firstPeriodDays, observed);
        for (EventTable t : byAnalysis()) {
            distribution(t.conceptsPerPersonAnalysis(), in.events(t).conceptsPerPerson, domains.personsInTable.get(t));
        }
    }

    private static java.util.List<EventTable> byAnalysis() {
        return java.util.Arrays.stream(EventTable.values())
                .sorted(java.util.Comparator.comparingInt(EventTable::personsAnalysis)).toList();
    }

    private void strata(int analysis, Map<Integer, Cell> cells) {
        cells.forEach((stratum, cell) -> result(analysis, stratum, cell));
    }

    private void result(int analysis, Integer stratum, Cell count) {
        results.add(analysis, stratum == null ? null : stratum.toString(), null, null, null, null, count);
    }

    private void distribution(int analysis, Distribution d, Cell population) {
        if (d == null) {
            return; // fewer participants than the cell size: not computed
        }
        if (d.count() != population.raw()) {
            throw new IllegalStateException("distribution " + analysis + " counts " + d.count() + " participants, its "
                    + "population " + population.raw());
        }
        distributions.add(analysis, null, null, null, null, null, population, d.minValue(), d.maxValue(), d.avgValue(),
                d.stdevValue(), d.medianValue(), d.p10Value(), d.p25Value(), d.p75Value(), d.p90Value());
    }
}
