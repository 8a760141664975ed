package org.cdrbuilder.steps.qa.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A release compared with the previous release of its tier: rows per table and participants per data type (a change
 * beyond the configured percentage is flagged), and per concept field the concepts that appeared or vanished.
 * Saved as {@value #FILE}; also what {@code cdr diff} prints.
 */
public final class ReleaseComparison {
    public static final String FILE = "release-comparison.json";

    public String previous;
    public String current;
    public double flagPercent;
    public List<Change> rows = new ArrayList<>();
    public List<Change> participants = new ArrayList<>();
    public List<ConceptChange> concepts = new ArrayList<>();

    /** One count in both releases. */
    public static final class Change {
        public String name;
        public long previous;
        public long current;
        public long difference;
        /** Change relative to the previous count, in percent (null when the previous count is 0). */
        public Double percent;
        public boolean flagged;
    }

    /** Concepts of one field that appeared or vanished. */
    public static final class ConceptChange {
        public String field;
        public int previousConcepts;
        public int currentConcepts;
        public int appearedCount;
        public int vanishedCount;
        /** The first concepts that appeared (id to name, when the vocabulary has a name). */
        public Map<Integer, String> appeared = new LinkedHashMap<>();
        public Map<Integer, String> vanished = new LinkedHashMap<>();
    }

    /** Compares two profiles, listing at most {@code conceptsShown} concepts each way per field. */
    public static ReleaseComparison of(ReleaseProfile previous, ReleaseProfile current, double flagPercent,
                                       int conceptsShown) {
        ReleaseComparison c = new ReleaseComparison();
        c.previous = previous.version + " (" + previous.tier + ")";
        c.current = current.version + " (" + current.tier + ")";
        c.flagPercent = flagPercent;
        c.rows = changes(previous.rows, current.rows, flagPercent);
        c.participants = changes(previous.participants, current.participants, flagPercent);
        Set<String> fields = new TreeSet<>(previous.concepts.keySet());
        fields.addAll(current.concepts.keySet());
        for (String f : fields) {
            Set<Integer> before = new TreeSet<>(previous.concepts.getOrDefault(f, List.of()));
            Set<Integer> after = new TreeSet<>(current.concepts.getOrDefault(f, List.of()));
            ConceptChange cc = new ConceptChange();
            cc.field = f;
            cc.previousConcepts = before.size();
            cc.currentConcepts = after.size();
            for (Integer id : after) {
                if (!before.contains(id) && cc.appearedCount++ < conceptsShown) {
                    cc.appeared.put(id, null);
                }
            }
            for (Integer id : before) {
                if (!after.contains(id) && cc.vanishedCount++ < conceptsShown) {
                    cc.vanished.put(id, null);
                }
            }
            if (cc.appearedCount > 0 || cc.vanishedCount > 0) {
                c.concepts.add(cc);
            }
        }
        return c;
    }

    private static List<Change> changes(Map<String, Long> before, Map<String, Long> after, double flagPercent) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> out = new ArrayList<>();
        for (String n : names) {
            Change ch = new Change();
            ch.name = n;
            ch.previous = before.getOrDefault(n, 0L);
            ch.current = after.getOrDefault(n, 0L);
            ch.difference = ch.current - ch.previous;
            ch.percent = ch.previous == 0 ? null : Math.round(ch.difference * 10000.0 / ch.previous) / 100.0;
            ch.flagged = ch.percent == null ? ch.current != 0 : Math.abs(ch.percent) > flagPercent;
            out.add(ch);
        }
        return out;
    }

    /** Every concept id listed (appeared or vanished), to look names up. */
    public Set<Integer> listedConcepts() {
        Set<Integer> ids = new TreeSet<>();
        concepts.forEach(c -> {
            ids.addAll(c.appeared.keySet());
            ids.addAll(c.vanished.keySet());
        });
        return ids;
    }

    /** Fills in concept names. */
    public void name(Map<Integer, String> names) {
        for (ConceptChange c : concepts) {
            c.appeared.replaceAll((id, n) -> names.get(id));
            c.vanished.replaceAll((id, n) -> names.get(id));
        }
    }
}
