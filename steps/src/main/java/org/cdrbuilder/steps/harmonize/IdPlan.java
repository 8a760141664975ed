package org.cdrbuilder.steps.harmonize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.core.stage.UnitReport;

/**
 * Release-wide ids: every staged clinical row gets {@code offset(unit) + ordinal}, where units are taken in id
 * order and each unit's offset is one past the rows of the units before it. Ids are therefore unique across
 * tables and sources, dense, deterministic for a drop, and a row keeps its id if a later rule moves it to another
 * table. Computed from the ingest unit reports; saved so that restarted units use the same offsets.
 */
public final class IdPlan {
    public static final Set<String> ID_SOURCES = Set.of("ehr", "survey", "pm");

    private IdPlan() {
    }

    /** Offsets by ingest unit id. */
    public static Map<String, Long> compute(List<UnitReport> ingestReports) {
        Map<String, Long> offsets = new TreeMap<>();
        long next = 1;
        for (UnitReport r : ingestReports.stream().sorted(java.util.Comparator.comparing(u -> u.unit)).toList()) {
            if (!ID_SOURCES.contains(r.sourceKind)) {
                continue;
            }
            offsets.put(r.unit, next);
            long rows = r.tables.values().stream().mapToLong(c -> c.out).sum();
            next += rows;
        }
        return offsets;
    }
}
