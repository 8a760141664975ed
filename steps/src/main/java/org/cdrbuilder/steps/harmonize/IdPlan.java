package org.cdrbuilder.steps.harmonize;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.core.stage.UnitReport;

/**
 * Release-wide ids: every staged row gets {@code offset(unit, table) + ordinal}, where units are taken in id order,
 * tables in name order within a unit, and each offset is one past the rows before it. Ids are therefore unique
 * across tables and sources, dense, deterministic for a drop, and a row keeps its id if a later rule moves it to
 * another table. Computed from the ingest unit reports; saved so that restarted units use the same offsets.
 */
public final class IdPlan {
    /** Source kinds whose rows get release ids. */
    public static final Set<String> ID_SOURCES = Set.of("ehr", "survey", "pm");

    private IdPlan() {
    }

    /** Offsets keyed {@code <ingest unit>/<table>}. */
    public static Map<String, Long> compute(List<UnitReport> ingestReports) {
        Map<String, Long> offsets = new TreeMap<>();
        long next = 1;
        for (UnitReport r : ingestReports.stream().sorted(Comparator.comparing(u -> u.unit)).toList()) {
            if (!ID_SOURCES.contains(r.sourceKind)) {
                continue;
            }
            for (Map.Entry<String, UnitReport.TableCounts> t : new TreeMap<>(r.tables).entrySet()) {
                offsets.put(key(r.unit, t.getKey()), next);
                next += t.getValue().out;
            }
        }
        return offsets;
    }

    public static String key(String unit, String table) {
        return unit + "/" + table;
    }
}
