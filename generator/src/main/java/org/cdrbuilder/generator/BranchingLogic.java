package org.cdrbuilder.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's branching rules as the cleaning stage applies them to one response, so that the generator can count
 * the answers a correct build removes. Some children of the catalog are answered without regard to their parent
 * (their {@code parent} is not in the catalog); those answers are branching violations on purpose.
 */
final class BranchingLogic {
    private final Map<String, List<SurveyCatalog.BranchingRule>> byChild = new HashMap<>();

    BranchingLogic(List<SurveyCatalog.BranchingRule> rules) {
        if (rules != null) {
            rules.forEach(r -> byChild.computeIfAbsent(r.childQuestion, k -> new ArrayList<>()).add(r));
        }
    }

    /**
     * Whether the answers to {@code question} leave the release: a keep rule needs its value among the parent's
     * answers, a drop rule's value must not be there; a parent whose own answers leave allows nothing.
     */
    boolean removes(String question, Map<String, List<String>> answered) {
        return removes(question, answered, new HashMap<>());
    }

    private boolean removes(String question, Map<String, List<String>> answered, Map<String, Boolean> memo) {
        Boolean known = memo.get(question);
        if (known != null) {
            return known;
        }
        boolean hasKeep = false;
        boolean kept = false;
        boolean dropped = false;
        for (SurveyCatalog.BranchingRule r : byChild.getOrDefault(question, List.of())) {
            List<String> parent = answered.get(r.parentQuestion);
            boolean has = parent != null && parent.contains(r.parentValue) && !removes(r.parentQuestion, answered, memo);
            if (r.ruleType.equals("keep")) {
                hasKeep = true;
                kept |= has;
            } else {
                dropped |= has;
            }
        }
        boolean removed = dropped || (hasKeep && !kept);
        memo.put(question, removed);
        return removed;
    }
}
