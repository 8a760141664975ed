package org.cdrbuilder.steps.clean.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.config.ConfigException;

/**
 * Survey branching logic, from {@code config/survey/branching.csv} ({@code rule_type, child_question,
 * parent_question, parent_value}): a {@code keep} row allows the child question only when the parent question has
 * that answer (several keep rows of a child: any of them), a {@code drop} row removes the child when the parent has
 * that answer. Questions and answers are codes (observation_source_value, value_source_value).
 * <p>
 * Each (parent question, answer) pair some rule names has a position, so that a response's decisive answers fit in
 * a small bit set; answers no rule names decide nothing and are not kept.
 */
final class BranchingRules {
    /** The answers of one parent question that decide about a child, as answer positions. */
    private record Condition(BitSet answers) {
        boolean metBy(BitSet given) {
            return answers.intersects(given);
        }
    }

    private final Map<String, List<Condition>> keep;
    private final Map<String, List<Condition>> drop;
    /** Position of each decisive answer, per parent question. */
    private final Map<String, Map<String, Integer>> positions;
    /** Every position of a parent question's answers. */
    private final Map<String, BitSet> parentAnswers;
    /** Questions that are parents and children, each after the parents it depends on. */
    private final List<String> nestedParents;

    private BranchingRules(Path file, Map<String, Map<String, Set<String>>> keepRows,
                           Map<String, Map<String, Set<String>>> dropRows) {
        Map<String, Map<String, Integer>> pos = new HashMap<>();
        Map<String, BitSet> ofParent = new HashMap<>();
        int next = 0;
        for (Map<String, Map<String, Set<String>>> rows : List.of(keepRows, dropRows)) {
            for (Map<String, Set<String>> byParent : rows.values()) {
                for (Map.Entry<String, Set<String>> e : byParent.entrySet()) {
                    Map<String, Integer> of = pos.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                    for (String v : e.getValue()) {
                        if (!of.containsKey(v)) {
                            of.put(v, next);
                            ofParent.computeIfAbsent(e.getKey(), k -> new BitSet()).set(next);
                            next++;
                        }
                    }
                }
            }
        }
        pos.replaceAll((k, v) -> Map.copyOf(v));
        this.positions = Map.copyOf(pos);
        this.parentAnswers = Map.copyOf(ofParent);
        this.keep = conditions(keepRows);
        this.drop = conditions(dropRows);
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Set<String>> parentsOf = new HashMap<>();
        for (Map<String, Map<String, Set<String>>> rows : List.of(keepRows, dropRows)) {
            rows.forEach((child, byParent) -> parentsOf.computeIfAbsent(child, k -> new HashSet<>()).addAll(byParent.keySet()));
        }
        for (String q : parentsOf.keySet()) {
            depth(file, q, parentsOf, depth, new HashSet<>());
        }
        this.nestedParents = positions.keySet().stream().filter(this::isChild)
                .sorted(Comparator.comparing((String q) -> depth.get(q)).thenComparing(q -> q)).toList();
    }

    static BranchingRules read(Path file) {
        Map<String, Map<String, Set<String>>> keep = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> drop = new LinkedHashMap<>();
        for (String[] r : SurveyDataFile.read(file, "rule_type", "child_question", "parent_question", "parent_value")) {
            Map<String, Map<String, Set<String>>> target = switch (r[0]) {
                case "keep" -> keep;
                case "drop" -> drop;
                default -> throw new ConfigException(file + ": rule_type must be keep or drop, not " + r[0]);
            };
            target.computeIfAbsent(r[1], k -> new LinkedHashMap<>()).computeIfAbsent(r[2], k -> new LinkedHashSet<>())
                    .add(r[3]);
        }
        return new BranchingRules(file, keep, drop);
    }

    private Map<String, List<Condition>> conditions(Map<String, Map<String, Set<String>>> rows) {
        Map<String, List<Condition>> out = new HashMap<>();
        rows.forEach((child, byParent) -> {
            List<Condition> cs = new ArrayList<>();
            byParent.forEach((parent, values) -> {
                BitSet answers = new BitSet();
                values.forEach(v -> answers.set(positions.get(parent).get(v)));
                cs.add(new Condition(answers));
            });
            out.put(child, List.copyOf(cs));
        });
        return Map.copyOf(out);
    }

    /** How many parent levels a question has above it; a cycle makes the rules unusable. */
    private static int depth(Path file, String question, Map<String, Set<String>> parentsOf, Map<String, Integer> memo,
                             Set<String> visiting) {
        Integer known = memo.get(question);
        if (known != null) {
            return known;
        }
        if (!visiting.add(question)) {
            throw new ConfigException(file + ": branching rules form a cycle through " + question);
        }
        int d = 0;
        for (String parent : parentsOf.getOrDefault(question, Set.of())) {
            d = Math.max(d, 1 + depth(file, parent, parentsOf, memo, visiting));
        }
        visiting.remove(question);
        memo.put(question, d);
        return d;
    }

    /** True when some rule decides about answers to this question. */
    boolean isChild(String question) {
        return keep.containsKey(question) || drop.containsKey(question);
    }

    Set<String> children() {
        Set<String> out = new HashSet<>(keep.keySet());
        out.addAll(drop.keySet());
        return Set.copyOf(out);
    }

    /** The position of an answer to a question when some rule names that pair, else -1 (it decides nothing). */
    int position(String question, String answer) {
        Map<String, Integer> of = question == null ? null : positions.get(question);
        Integer p = of == null || answer == null ? null : of.get(answer);
        return p == null ? -1 : p;
    }

    /**
     * Whether answers to {@code child} are allowed, given a response's decisive answers: when the child has keep
     * rows, a parent must have one of their values (a parent left unanswered allows nothing); no drop row may match.
     */
    boolean allows(String child, BitSet given) {
        List<Condition> k = keep.get(child);
        if (k != null && k.stream().noneMatch(c -> c.metBy(given))) {
            return false;
        }
        List<Condition> d = drop.get(child);
        return d == null || d.stream().noneMatch(c -> c.metBy(given));
    }

    /**
     * Forgets the answers to parents that are themselves children their own parents do not allow (those rows are
     * removed, so they allow nothing further down), top level first so that each decision sees final parents.
     */
    void withdrawDisallowedParents(BitSet given) {
        for (String q : nestedParents) {
            BitSet own = parentAnswers.get(q);
            if (own.intersects(given) && !allows(q, given)) {
                given.andNot(own);
            }
        }
    }
}
