package org.cdrbuilder.generator;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator planted and what a correct build must therefore do with it, in the ledger's terms: rows
 * generated per table, rows each rule must remove or change (keyed {@code stage/rule} like the ledger), rows that
 * must be quarantined, and participant counts. Saved as {@code planted.json} next to the drop.
 */
public final class Planted {
    public Map<String, Object> settings = new TreeMap<>();
    public Map<String, Long> participants = new TreeMap<>();
    /** Source rows written per table (every row in every file, including planted bad ones). */
    public Map<String, Long> generated = new TreeMap<>();
    /** Rows that must be quarantined at ingest, per table. */
    public Map<String, Long> quarantined = new TreeMap<>();
    /** Rows a rule must remove: rule key (stage/rule) -> table -> rows. */
    public Map<String, Map<String, Long>> removed = new TreeMap<>();
    /** Rows a rule must change: rule key -> table -> rows. */
    public Map<String, Map<String, Long>> changed = new TreeMap<>();
    /**
     * Published rows that violate a QA check on purpose, by check ({@code "checkName table.field"}, with
     * {@code " concept N unit U"} for concept-level checks).
     */
    public Map<String, Long> qa = new TreeMap<>();

    synchronized void generated(String table) {
        generated.merge(table, 1L, Long::sum);
    }

    synchronized void generated(String table, long rows) {
        generated.merge(table, rows, Long::sum);
    }

    synchronized void removed(String rule, String table, long rows) {
        removed.computeIfAbsent(rule, k -> new TreeMap<>()).merge(table, rows, Long::sum);
    }

    synchronized void quarantined(String table) {
        quarantined.merge(table, 1L, Long::sum);
    }

    synchronized void removed(String rule, String table) {
        removed.computeIfAbsent(rule, k -> new TreeMap<>()).merge(table, 1L, Long::sum);
    }

    synchronized void changed(String rule, String table) {
        changed.computeIfAbsent(rule, k -> new TreeMap<>()).merge(table, 1L, Long::sum);
    }

    synchronized void qa(String check) {
        qa.merge(check, 1L, Long::sum);
    }

    synchronized void participant(String category) {
        participants.merge(category, 1L, Long::sum);
    }

    /** Rows of a table a correct build publishes. */
    public long expectedPublished(String table) {
        long n = generated.getOrDefault(table, 0L) - quarantined.getOrDefault(table, 0L);
        for (Map<String, Long> byTable : removed.values()) {
            n -= byTable.getOrDefault(table, 0L);
        }
        return n;
    }
}
