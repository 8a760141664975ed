package org.cdrbuilder.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.ServiceLoader;
import java.util.TreeSet;

import org.cdrbuilder.core.row.Row;

/**
 * Orders cleaning rules by their declared dependencies and runs them over rows. Order: a rule comes after every rule
 * it depends on; rules free to run are taken by id, so the order is stable and independent of discovery order.
 * Duplicate ids, dependencies on unknown rules and cycles are refused with a message naming them.
 */
public final class RuleEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleEngine.class);

    /** Receives what the rules did to a row (the stage writes sandboxes and counts). */
    public interface Listener {
        /** The row, as it was before {@code rule} removed it. */
        void removed(CleaningRule rule, Row before, String reason);

        /** The row, as it was before {@code rule} changed it (null when {@link #wantsRowsBeforeChange()} is false). */
        void changed(CleaningRule rule, Row before, String reason);

        /** Whether {@link #changed} needs the row as it was (a copy per change); a stage that only counts does not. */
        default boolean wantsRowsBeforeChange() {
            return true;
        }

        /** The row left its table for {@code to}. */
        void moved(CleaningRule rule, Row before, String to, String reason);

        /** The rule added rows. */
        void created(CleaningRule rule, List<Row> rows, String reason);
    }

    /** Converts a row to another table when a rule moves it. */
    @FunctionalInterface
    public interface Mover {
        Row move(Row row, String toTable);
    }

    private final List<CleaningRule> ordered;
    private final Map<String, List<CleaningRule>> byTable = new HashMap<>();

    private RuleEngine(List<CleaningRule> ordered) {
        this.ordered = List.copyOf(ordered);
        for (CleaningRule r : ordered) {
            for (String t : r.info().tables()) {
                byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** Every rule on the class path (registered with {@code @AutoService(CleaningRule.class)}). */
    public static List<CleaningRule> discover() {
        List<CleaningRule> out = new ArrayList<>();
        ServiceLoader.load(CleaningRule.class).forEach(out::add);
        return out;
    }

    /** An engine over the given rules; throws {@link RuleCatalogException} when they are inconsistent. */
    public static RuleEngine of(Collection<CleaningRule> rules) {
        Map<String, CleaningRule> byId = new LinkedHashMap<>();
        for (CleaningRule r : rules) {
            CleaningRule previous = byId.put(r.info().id(), r);
            if (previous != null) {
                throw new RuleCatalogException("duplicate rule id " + r.info().id() + ": "
                        + previous.getClass().getName() + " and " + r.getClass().getName());
            }
        }
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (CleaningRule r : byId.values()) {
            for (String dep : r.info().dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw new RuleCatalogException("rule " + r.info().id() + " depends on unknown rule " + dep);
                }
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(r.info().id());
            }
            pending.put(r.info().id(), r.info().dependsOn().size());
        }
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
        pending.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<CleaningRule> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            ordered.add(byId.get(id));
            for (String d : dependents.getOrDefault(id, List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (ordered.size() < byId.size()) {
            TreeSet<String> cyclic = new TreeSet<>();
            pending.forEach((id, n) -> {
                if (n > 0) {
                    cyclic.add(id);
                }
            });
            throw new RuleCatalogException("rules depend on each other in a cycle: " + cyclic);
        }
        return new RuleEngine(ordered);
    }

    /** All rules in execution order. */
    public List<CleaningRule> rules() {
        return ordered;
    }

    /** The rules that look at a table, in execution order. */
    public List<CleaningRule> rules(String table) {
        return byTable.getOrDefault(table, List.of());
    }

    /** Prepares every rule (once per build); preparations that scan data and take a second or more are logged. */
    public void prepare(RuleContext ctx) {
        for (CleaningRule r : ordered) {
            long started = System.nanoTime();
            r.prepare(ctx);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= 1000) {
                LOG.info("rule {} prepared in {} ms", r.info().id(), millis);
            }
        }
    }

    /**
     * Runs the rules of the row's table over it. A moved row continues with the rules of its new table that come
     * later in the order.
     *
     * @return the row to keep (possibly of another table, possibly changed), or null when a rule removed it
     */
    public Row apply(Row row, RowOrigin origin, RuleContext ctx, Listener listener, Mover mover) {
        Row current = row;
        List<CleaningRule> rules = rules(current.table().name());
        boolean copyBefore = listener.wantsRowsBeforeChange();
        for (int i = 0; i < rules.size(); i++) {
            CleaningRule rule = rules.get(i);
            Verdict v = rule.check(current, origin, ctx);
            if (v instanceof Verdict.Keep) {
                continue;
            }
            if (CHECK_DECLARATIONS) {
                checkActive(rule, current, ctx);
            }
            if (v instanceof Verdict.Remove rm) {
                listener.removed(rule, current, rm.reason());
                return null;
            }
            if (v instanceof Verdict.Change ch) {
                Row before = copyBefore || CHECK_DECLARATIONS ? current.copy() : null;
                ch.change().accept(current);
                if (CHECK_DECLARATIONS) {
                    checkChanged(rule, before, current, ctx);
                }
                listener.changed(rule, copyBefore ? before : null, ch.reason());
            } else if (v instanceof Verdict.Create cr) {
                listener.created(rule, cr.rows(), cr.reason());
            } else if (v instanceof Verdict.Move mv) {
                listener.moved(rule, current, mv.table(), mv.reason());
                current = mover.move(current, mv.table());
                rules = rulesAfter(rule, mv.table());
                i = -1;
            }
        }
        return current;
    }

    /** The rules of {@code table} that come after {@code rule} in the order: where a moved row continues. */
    private List<CleaningRule> rulesAfter(CleaningRule rule, String table) {
        int position = ordered.indexOf(rule);
        List<CleaningRule> later = new ArrayList<>();
        for (CleaningRule next : rules(table)) {
            if (ordered.indexOf(next) > position) {
                later.add(next);
            }
        }
        return later;
    }

    /**
     * A run of the rules over consecutive rows of one part, on one thread: keep-or-remove decisions of rules whose
     * {@link CleaningRule#scope()} is not {@code ROW} are reused while the row's person (and event day) stay the same.
     *
     * @param eventDay the day of a row's event as a number (e.g. epoch day; any value when it has none)
     */
    public Session session(java.util.function.ToLongFunction<Row> eventDay) {
        return new Session(eventDay);
    }

    /** See {@link #session}. Not thread-safe: one per part being read. */
    public final class Session {
        private final java.util.function.ToLongFunction<Row> eventDay;
        /** Per table, the memo of each of its rules (by position in {@link #rules(String)}). */
        private final Map<String, Memos> memos = new HashMap<>();
        private org.cdrbuilder.schema.TableDef lastTable;
        private List<CleaningRule> lastRules;
        private Memos lastMemos;

        private Session(java.util.function.ToLongFunction<Row> eventDay) {
            this.eventDay = eventDay;
        }

        /** Like {@link RuleEngine#apply}, reusing decisions where the rules allow it. */
        public Row apply(Row row, RowOrigin origin, RuleContext ctx, Listener listener, Mover mover) {
            Row current = row;
            if (current.table() != lastTable) {
                // a part holds one table (and its provenance): look its rules up when the table changes, not per row
                lastTable = current.table();
                lastRules = rules(lastTable.name());
                lastMemos = memos.computeIfAbsent(lastTable.name(), t -> new Memos(rules(t)));
            }
            List<CleaningRule> rules = lastRules;
            Memos memo = lastMemos;
            boolean copyBefore = listener.wantsRowsBeforeChange();
            boolean keyed = false;
            for (int i = 0; i < rules.size(); i++) {
                CleaningRule rule = rules.get(i);
                Verdict v;
                if (memo == null || !memo.reusable[i]) {
                    v = rule.check(current, origin, ctx);
                } else {
                    if (!keyed) {
                        memo.key(current, origin, eventDay);
                        keyed = true;
                    }
                    v = memo.verdicts[i];
                    if (v == null) {
                        v = rule.check(current, origin, ctx);
                        if (v instanceof Verdict.Keep || v instanceof Verdict.Remove) {
                            memo.verdicts[i] = v;
                        }
                    }
                }
                if (v instanceof Verdict.Keep) {
                    continue;
                }
                if (CHECK_DECLARATIONS) {
                    checkActive(rule, current, ctx);
                }
                if (v instanceof Verdict.Remove rm) {
                    listener.removed(rule, current, rm.reason());
                    return null;
                }
                keyed = false; // a change or a move may touch the person or the date
                if (v instanceof Verdict.Change ch) {
                    Row before = copyBefore || CHECK_DECLARATIONS ? current.copy() : null;
                    ch.change().accept(current);
                    if (CHECK_DECLARATIONS) {
                        checkChanged(rule, before, current, ctx);
                    }
                    listener.changed(rule, copyBefore ? before : null, ch.reason());
                } else if (v instanceof Verdict.Create cr) {
                    listener.created(rule, cr.rows(), cr.reason());
                } else if (v instanceof Verdict.Move mv) {
                    listener.moved(rule, current, mv.table(), mv.reason());
                    current = mover.move(current, mv.table());
                    rules = rulesAfter(rule, mv.table());
                    memo = null; // the rest of the row's rules run without reuse
                    i = -1;
                }
            }
            return current;
        }
    }

    /**
     * The last keep-or-remove decision of each person-scoped rule of one table, valid while rows keep the key they were
     * made for: the same origin and person (and, for rules decided per person and day, the same day). The key is
     * compared once per row, not once per rule; a new key forgets the decisions it no longer covers.
     */
    private static final class Memos {
        final boolean[] reusable;
        final boolean[] perDay;
        final Verdict[] verdicts;
        private RowOrigin origin;
        private org.cdrbuilder.schema.TableDef table;
        private Object person;
        private long day;
        private boolean set;

        Memos(List<CleaningRule> rules) {
            int n = rules.size();
            reusable = new boolean[n];
            perDay = new boolean[n];
            verdicts = new Verdict[n];
            for (int i = 0; i < n; i++) {
                CleaningRule.Scope scope = rules.get(i).scope();
                reusable[i] = scope != CleaningRule.Scope.ROW;
                perDay[i] = scope == CleaningRule.Scope.PERSON_DAY;
            }
        }

        /** Makes the decisions those of the row's key, forgetting what a change of person or day invalidates. */
        void key(Row row, RowOrigin rowOrigin, java.util.function.ToLongFunction<Row> eventDay) {
            int p = row.table().indexOfOrMinus1("person_id");
            Object rowPerson = p < 0 ? null : row.get(p);
            long rowDay = eventDay.applyAsLong(row);
            if (!set || rowOrigin != origin || row.table() != table || !java.util.Objects.equals(rowPerson, person)) {
                java.util.Arrays.fill(verdicts, null);
            } else if (rowDay != day) {
                for (int i = 0; i < verdicts.length; i++) {
                    if (perDay[i]) {
                        verdicts[i] = null;
                    }
                }
            }
            set = true;
            origin = rowOrigin;
            table = row.table();
            person = rowPerson;
            day = rowDay;
        }
    }

    /**
     * Whether rules are held to their declarations ({@link CleaningRule#changes()}, {@link CleaningRule#activeIn}):
     * with Java assertions enabled for this class, as in tests; never in production, where it would cost a row copy
     * per change.
     */
    static final boolean CHECK_DECLARATIONS = RuleEngine.class.desiredAssertionStatus();

    /** Fails when a privacy rule acts on a row where it declares itself switched off by the tier's profile. */
    static void checkActive(CleaningRule rule, Row row, RuleContext ctx) {
        org.cdrbuilder.core.privacy.TierContext tier = ctx == null ? null : ctx.tierOrNull();
        if (tier != null && !rule.activeIn(tier.profile(), row.table().name())) {
            throw new AssertionError("rule " + rule.info().id() + " acted on a row of " + row.table().name()
                    + " in tier " + tier.tier() + ", where it declares itself inactive (CleaningRule.activeIn)");
        }
    }

    /** Fails when a change touched a column the rule does not declare ({@link CleaningRule#changes()}). */
    static void checkChanged(CleaningRule rule, Row before, Row after, RuleContext ctx) {
        org.cdrbuilder.core.privacy.TierContext tier = ctx == null ? null : ctx.tierOrNull();
        org.cdrbuilder.schema.TableDef table = after.table();
        for (int i = 0; i < table.columnCount(); i++) {
            if (!java.util.Objects.equals(before.get(i), after.get(i))
                    && !rule.changes().contains(table, table.column(i), tier == null ? null : tier.profile())) {
                throw new AssertionError("rule " + rule.info().id() + " changed " + table.name() + "."
                        + table.column(i).name() + ", which it does not declare (CleaningRule.changes)");
            }
        }
    }

}
