package org.cdrbuilder.steps.snapshot;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeSet;

/**
 * Enrollment over time: per month, participants whose primary consent falls in it and participants who completed the
 * initial steps (became core participants) in it, from the first to the last month with either. Monthly counts are
 * disjoint; cumulative curves are running sums of the published monthly counts, so they add no new pairs to
 * subtract.
 */
final class EnrollmentCounts {
    final FamilyTable table = new FamilyTable("enrollment", "snapshot_enrollment");

    EnrollmentCounts(ScanFacts.Persons facts, Cell all) {
        TreeSet<String> months = new TreeSet<>(facts.enrolled.keySet());
        months.addAll(facts.completedInitialSteps.keySet());
        if (months.isEmpty()) {
            return;
        }
        YearMonth last = YearMonth.parse(months.last());
        for (YearMonth m = YearMonth.parse(months.first()); !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            Cell enrolled = new Cell(facts.enrolled.getOrDefault(key, 0L));
            Cell core = new Cell(facts.completedInitialSteps.getOrDefault(key, 0L));
            all.contains(enrolled);
            all.contains(core);
            table.add(LocalDate.of(m.getYear(), m.getMonth(), 1), enrolled, core);
        }
    }
}
