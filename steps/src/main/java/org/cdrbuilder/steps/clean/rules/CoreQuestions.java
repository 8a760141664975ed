package org.cdrbuilder.steps.clean.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core questions of each survey module, from {@code config/survey/core-questions.csv} ({@code module,
 * question}, module and question codes): questions every response to the module is expected to answer, if only with
 * a skip. Each question has a position, so that a response's answered core questions fit in a bit set.
 */
final class CoreQuestions {
    private final Map<String, List<String>> byModule;
    private final Map<String, Integer> position = new HashMap<>();
    private final List<String> questions = new ArrayList<>();

    private CoreQuestions(Map<String, List<String>> byModule) {
        this.byModule = byModule;
        byModule.values().forEach(qs -> qs.forEach(q -> {
            if (position.putIfAbsent(q, questions.size()) == null) {
                questions.add(q);
            }
        }));
    }

    /** The core questions of the file, without {@code excluded} (child questions are never expected). */
    static CoreQuestions read(Path file, Set<String> excluded) {
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        for (String[] r : SurveyDataFile.read(file, "module", "question")) {
            List<String> qs = byModule.computeIfAbsent(r[0], k -> new ArrayList<>());
            if (!excluded.contains(r[1]) && !qs.contains(r[1])) {
                qs.add(r[1]);
            }
        }
        byModule.replaceAll((k, v) -> List.copyOf(v));
        return new CoreQuestions(Map.copyOf(byModule));
    }

    Set<String> modules() {
        return byModule.keySet();
    }

    /** The core questions of a module code, in file order; empty for other modules. */
    List<String> of(String module) {
        return module == null ? List.of() : byModule.getOrDefault(module, List.of());
    }

    /** The position of a core question, or -1 for any other question. */
    int position(String question) {
        Integer p = question == null ? null : position.get(question);
        return p == null ? -1 : p;
    }
}
