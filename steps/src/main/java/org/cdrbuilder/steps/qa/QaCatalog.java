package org.cdrbuilder.steps.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.cdrbuilder.core.qa.QaCheck;

/** The check types on the class path (registered with {@code @AutoService(QaCheck.class)}), in name order. */
public final class QaCatalog {
    private QaCatalog() {
    }

    public static List<QaCheck> discover() {
        List<QaCheck> out = new ArrayList<>();
        ServiceLoader.load(QaCheck.class).forEach(out::add);
        return validated(out);
    }

    /** The checks sorted by name; two check types with one name are refused. */
    public static List<QaCheck> validated(List<QaCheck> checks) {
        Map<String, QaCheck> byName = new HashMap<>();
        for (QaCheck c : checks) {
            QaCheck other = byName.put(c.type().name(), c);
            if (other != null) {
                throw new IllegalStateException("two QA checks are named " + c.type().name() + ": "
                        + other.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        List<QaCheck> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(c -> c.type().name()));
        return List.copyOf(sorted);
    }

    public static List<String> names(List<QaCheck> checks) {
        return checks.stream().map(c -> c.type().name()).toList();
    }

    /**
     * The names of every check whose severity and threshold {@code config/qa/} sets: the check types on the class
     * path and the checks of the build's accounting.
     */
    public static List<String> configuredNames(List<QaCheck> checks) {
        List<String> names = new ArrayList<>(names(checks));
        names.addAll(org.cdrbuilder.steps.qa.accounting.AccountingResults.names());
        return List.copyOf(names);
    }
}
