package org.cdrbuilder.core.ledger;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.stage.UnitReport;

/**
 * Accounts for every source row, per table: rows read from the sources, quarantined, removed by each named rule
 * (as {@code stage/rule}), changed, moved between tables, created by derivation, and published. A table
 * reconciles when {@code source - quarantined - removed + movedIn - movedOut + created = published}.
 */
public final class Ledger {
    /** The registry's staged rows become person rows. */
    private static final Map<String, String> SOURCE_TABLE_ALIASES = Map.of("_participants", "person");

    public Map<String, Entry> tables = new TreeMap<>();

    /** The accounting of one table. */
    public static final class Entry {
        public long source;
        public Map<String, Long> sourceByKind = new TreeMap<>();
        public long quarantined;
        public Map<String, Long> removed = new TreeMap<>();
        public Map<String, Long> changed = new TreeMap<>();
        public Map<String, Long> movedIn = new TreeMap<>();
        public Map<String, Long> movedOut = new TreeMap<>();
        public long created;
        public Map<String, Long> createdBy = new TreeMap<>();
        public long published;
        public boolean reconciled;
        /** published minus what the accounting predicts; 0 when reconciled. */
        public long difference;

        public long removedTotal() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }

        long expected() {
            return source - quarantined - removedTotal()
                    + movedIn.values().stream().mapToLong(Long::longValue).sum()
                    - movedOut.values().stream().mapToLong(Long::longValue).sum() + created;
        }
    }

    /**
     * @param sourceStages names of the stages whose reports count source rows and quarantine
     * @param stages reports of every later data stage, in pipeline order (stage name to its unit reports)
     * @param published rows published per table
     * @param tables tables to account for
     */
    public static Ledger compute(java.util.Collection<String> sourceStages, Map<String, List<UnitReport>> stages,
                                 Map<String, Long> published,
                                 List<String> tables) {
        Ledger l = new Ledger();
        for (String t : tables) {
            l.tables.put(t, new Entry());
        }
        stages.forEach((stage, reports) -> {
            for (UnitReport r : reports) {
                r.tables.forEach((name, c) -> {
                    String table = SOURCE_TABLE_ALIASES.getOrDefault(name, name);
                    Entry e = l.tables.get(table);
                    if (e == null) {
                        return;
                    }
                    if (sourceStages.contains(stage)) {
                        e.source += c.in;
                        if (c.in > 0) {
                            e.sourceByKind.merge(r.sourceKind, c.in, Long::sum);
                        }
                        e.quarantined += c.quarantined;
                    }
                    c.removed.forEach((rule, n) -> e.removed.merge(stage + "/" + rule, n, Long::sum));
                    c.changed.forEach((rule, n) -> e.changed.merge(stage + "/" + rule, n, Long::sum));
                    c.movedIn.forEach((from, n) -> e.movedIn.merge(from, n, Long::sum));
                    c.movedOut.forEach((to, n) -> e.movedOut.merge(to, n, Long::sum));
                    e.created += c.created;
                    c.createdBy.forEach((rule, n) -> e.createdBy.merge(stage + "/" + rule, n, Long::sum));
                });
            }
        });
        l.tables.forEach((t, e) -> {
            e.published = published.getOrDefault(t, 0L);
            e.difference = e.published - e.expected();
            e.reconciled = e.difference == 0;
        });
        return l;
    }

    /** True when every table reconciles. */
    public boolean reconciled() {
        return tables.values().stream().allMatch(e -> e.reconciled);
    }
}
