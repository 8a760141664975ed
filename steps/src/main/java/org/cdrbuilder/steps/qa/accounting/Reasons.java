package org.cdrbuilder.steps.qa.accounting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cdrbuilder.steps.ingest.InputValidation;

/** Quarantine reasons and examples as accounting results show them (field, reason and line; never a value). */
final class Reasons {
    private static final int SHOWN = 3;

    private Reasons() {
    }

    /** The most frequent reasons with their counts, e.g. {@code state: not a US state code (28)}. */
    static String top(Map<String, Long> reasons) {
        if (reasons.isEmpty()) {
            return "none";
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(reasons.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        String shown = sorted.stream().limit(SHOWN).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
        return sorted.size() > SHOWN ? shown + "; and " + (sorted.size() - SHOWN) + " more" : shown;
    }

    /** The file's first quarantined rows: file, line or pointer, field and reason. */
    static List<Map<String, Object>> examples(InputValidation.FileResult f, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : f.examples) {
            if (out.size() == limit) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file);
            m.putAll(e);
            out.add(m);
        }
        return out;
    }
}
