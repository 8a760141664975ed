package org.cdrbuilder.generator;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator planted and what a correct build must therefore do with it, in the ledger's terms: rows
 * generated per table, rows that must be quarantined, rows each rule must remove, change, create or move (keyed
 * {@code stage/rule} like the ledger), rows the derive stage adds, and, per access tier, what the tier's privacy
 * stage must remove and change. Saved as {@code planted.json} next to the drop.
 */
public final class Planted {
    /** The access tiers the generator predicts privacy outcomes for. */
    public static final String REGISTERED = "registered";
    public static final String CONTROLLED = "controlled";

    public Map<String, Object> settings = new TreeMap<>();
    public Map<String, Long> participants = new TreeMap<>();
    /** Source rows written per table (every row in every file, including planted bad ones). */
    public Map<String, Long> generated = new TreeMap<>();
    /** Rows that must be quarantined at ingest, per table. */
    public Map<String, Long> quarantined = new TreeMap<>();
    /** Rows a rule must remove, in every tier: rule key (stage/rule) -> table -> rows. */
    public Map<String, Map<String, Long>> removed = new TreeMap<>();
    /** Rows a rule must change, in every tier: rule key -> table -> rows. */
    public Map<String, Map<String, Long>> changed = new TreeMap<>();
    /** Rows a rule must add: rule key -> table -> rows (the ledger's createdBy). */
    public Map<String, Map<String, Long>> created = new TreeMap<>();
    /** Rows a rule must move to another table: from table -> to table -> rows (the ledger's movedOut/movedIn). */
    public Map<String, Map<String, Long>> moved = new TreeMap<>();
    /** Rows the derive stage computes, per table (observation periods; counted as created, without a rule). */
    public Map<String, Long> derived = new TreeMap<>();
    /** Per tier, what its privacy stage must do. */
    public Map<String, Tier> tiers = new TreeMap<>();
    /**
     * Rows of the controlled tier's release that violate a QA check on purpose, by check ({@code "checkName table.field"}, with
     * {@code " concept N unit U"} for concept-level checks).
     */
    public Map<String, Long> qa = new TreeMap<>();

    /** The privacy outcome of one tier. */
    public static final class Tier {
        /** Rows a privacy rule must remove: rule key (privacy/rule) -> table -> rows. */
        public Map<String, Map<String, Long>> removed = new TreeMap<>();
        /** Rows a privacy rule must change, exactly. */
        public Map<String, Map<String, Long>> changed = new TreeMap<>();
        /**
         * Rows a privacy rule must change at least: rows the generator planted for it (direct identifiers in free
         * text); the rule also changes rows the generator does not track (every other free-text value).
         */
        public Map<String, Map<String, Long>> changedAtLeast = new TreeMap<>();
    }

    public Planted() {
        tiers.put(REGISTERED, new Tier());
        tiers.put(CONTROLLED, new Tier());
    }

    synchronized void generated(String table, long rows) {
        generated.merge(table, rows, Long::sum);
    }

    synchronized void quarantined(String table) {
        quarantined.merge(table, 1L, Long::sum);
    }

    synchronized void removed(String rule, String table, long rows) {
        add(removed, rule, table, rows);
    }

    synchronized void changed(String rule, String table, long rows) {
        add(changed, rule, table, rows);
    }

    synchronized void created(String rule, String table, long rows) {
        add(created, rule, table, rows);
    }

    synchronized void moved(String from, String to) {
        add(moved, from, to, 1);
    }

    synchronized void derived(String table) {
        derived.merge(table, 1L, Long::sum);
    }

    synchronized void qa(String check) {
        qa.merge(check, 1L, Long::sum);
    }

    synchronized void participant(String category) {
        participants.merge(category, 1L, Long::sum);
    }

    synchronized void tierRemoved(String tier, String rule, String table, long rows) {
        add(tiers.get(tier).removed, rule, table, rows);
    }

    synchronized void tierChanged(String tier, String rule, String table, long rows) {
        add(tiers.get(tier).changed, rule, table, rows);
    }

    synchronized void tierChangedAtLeast(String tier, String rule, String table, long rows) {
        add(tiers.get(tier).changedAtLeast, rule, table, rows);
    }

    private static void add(Map<String, Map<String, Long>> to, String key, String table, long rows) {
        if (rows != 0) {
            to.computeIfAbsent(key, k -> new TreeMap<>()).merge(table, rows, Long::sum);
        }
    }

    /** Rows a rule key must remove from a table: shared (every tier) or the tier's own. */
    public long removedFrom(String tier, String rule, String table) {
        Map<String, Long> shared = removed.get(rule);
        Map<String, Long> own = tiers.get(tier).removed.get(rule);
        return (shared == null ? 0 : shared.getOrDefault(table, 0L)) + (own == null ? 0 : own.getOrDefault(table, 0L));
    }

    /** Rows of a table the tier's release publishes: generated - quarantined - removed + created + moved in - out. */
    public long expectedPublished(String tier, String table) {
        long n = generated.getOrDefault(table, 0L) - quarantined.getOrDefault(table, 0L)
                + derived.getOrDefault(table, 0L);
        for (Map<String, Long> byTable : removed.values()) {
            n -= byTable.getOrDefault(table, 0L);
        }
        for (Map<String, Long> byTable : tiers.get(tier).removed.values()) {
            n -= byTable.getOrDefault(table, 0L);
        }
        for (Map<String, Long> byTable : created.values()) {
            n += byTable.getOrDefault(table, 0L);
        }
        for (Map.Entry<String, Map<String, Long>> from : moved.entrySet()) {
            n -= from.getKey().equals(table) ? from.getValue().values().stream().mapToLong(Long::longValue).sum() : 0;
            n += from.getValue().getOrDefault(table, 0L);
        }
        return n;
    }
}
