package org.cdrbuilder.steps.harmonize;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.stage.UnitReport;

/**
 * Release ids, per table: every staged row gets {@code offset(unit, table) + ordinal}, where units are taken in id
 * order and each offset is one past the rows of that table before it. Ids are therefore dense from 1 in every table,
 * unique within it and deterministic for a drop, so they stay within the 32-bit integer of OMOP CDM 5.4 as long as
 * a table has fewer than 2^31 rows (docs/IDS.md). Rows that cleaning or privacy rules create or move into a table
 * get ids after its last one ({@link #nextIds}, then {@code ArrivalIds}). Computed from the ingest unit reports;
 * saved so that restarted units use the same offsets.
 */
public final class IdPlan {
    /** Source kinds whose rows get release ids. */
    public static final Set<String> ID_SOURCES = Set.of("ehr", "survey", "pm");

    private IdPlan() {
    }

    /** Offsets keyed {@code <ingest unit>/<table>}. */
    public static Map<String, Long> compute(List<UnitReport> ingestReports) {
        Map<String, Long> offsets = new TreeMap<>();
        Map<String, Long> next = new TreeMap<>();
        for (UnitReport r : sorted(ingestReports)) {
            for (Map.Entry<String, UnitReport.TableCounts> t : new TreeMap<>(r.tables).entrySet()) {
                long offset = next.getOrDefault(t.getKey(), 1L);
                offsets.put(key(r.unit, t.getKey()), offset);
                next.put(t.getKey(), offset + t.getValue().out);
            }
        }
        return offsets;
    }

    /** Per table with planned rows, one past the last id the plan gives it. */
    public static Map<String, Long> nextIds(List<UnitReport> ingestReports) {
        Map<String, Long> next = new TreeMap<>();
        for (UnitReport r : sorted(ingestReports)) {
            r.tables.forEach((table, counts) -> next.merge(table, 1 + counts.out, (a, b) -> a + b - 1));
        }
        return next;
    }

    /**
     * Fails, naming the table, when a table's ids would pass {@code maxId} (2^31-1 for a release with 32-bit ids):
     * such a release cannot load into an OMOP CDM 5.4 database and must be built with {@code id_bits: 64}.
     *
     * @param next per table, one past the last id it needs
     * @param what which ids these are, for the message
     */
    public static void checkFits(Map<String, Long> next, long maxId, String what) {
        for (Map.Entry<String, Long> e : next.entrySet()) {
            long last = e.getValue() - 1;
            if (last > maxId) {
                throw new ConfigException("table " + e.getKey() + " needs " + what + " up to " + last + ", more than "
                        + "the " + maxId + " of a 32-bit OMOP CDM 5.4 integer id; build this release with id_bits: 64 "
                        + "in release.yaml (docs/IDS.md)");
            }
        }
    }

    private static List<UnitReport> sorted(List<UnitReport> ingestReports) {
        return ingestReports.stream().filter(r -> ID_SOURCES.contains(r.sourceKind))
                .sorted(Comparator.comparing(u -> u.unit)).toList();
    }

    public static String key(String unit, String table) {
        return unit + "/" + table;
    }
}
