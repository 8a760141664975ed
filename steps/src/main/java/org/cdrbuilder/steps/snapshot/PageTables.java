package org.cdrbuilder.steps.snapshot;

import static org.cdrbuilder.steps.snapshot.Html.esc;
import static org.cdrbuilder.steps.snapshot.Html.num;
import static org.cdrbuilder.steps.snapshot.Html.pct;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cdrbuilder.core.row.Row;

/**
 * The Data Browser and Survey Explorer tables of the snapshot page. Rows are ordered by published count, then by
 * concept id: never by true counts, which would tell apart counts that are shown alike.
 */
final class PageTables {
    private PageTables() {
    }

    static final Comparator<Row> BY_PARTICIPANTS = Comparator.<Row>comparingLong(r -> -(Long) r.get("participants"));

    static String dataBrowser(Snapshot s, int maxConcepts) {
        Map<String, List<Row>> byDomain = s.family("concepts").rows(true).stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("domain"), LinkedHashMap::new, Collectors.toList()));
        StringBuilder b = new StringBuilder("<table class=\"grid\"><thead><tr><th>Domain</th><th>Medical concepts</th>"
                + "<th>Participants</th></tr></thead><tbody>");
        List<Row> domains = s.family("domains").rows(true);
        for (Row d : domains) {
            b.append("<tr><td>").append(esc(d.get("domain"))).append("</td><td class=\"n\">").append(num((Long) d.get("concepts")))
                    .append("</td><td class=\"n\">").append(num((Long) d.get("participants"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        for (Row d : domains) {
            String domain = (String) d.get("domain");
            List<Row> rows = byDomain.getOrDefault(domain, List.of()).stream()
                    .sorted(BY_PARTICIPANTS.thenComparingInt(r -> (Integer) r.get("concept_id"))).toList();
            b.append("<details><summary>").append(esc(domain)).append(": ").append(num((Long) d.get("concepts")))
                    .append(" concepts, ").append(num((Long) d.get("participants"))).append(" participants</summary>");
            b.append("<table class=\"grid\"><thead><tr><th>Concept</th><th>Concept id</th><th>Vocabulary</th>"
                    + "<th>Code</th><th>Participants</th><th>Records</th></tr></thead><tbody>");
            for (Row r : rows.subList(0, Math.min(rows.size(), maxConcepts))) {
                b.append("<tr><td>").append(esc(r.get("concept_name"))).append("</td><td>").append(r.get("concept_id"))
                        .append("</td><td>").append(esc(r.get("vocabulary_id"))).append("</td><td>")
                        .append(esc(r.get("concept_code"))).append("</td><td class=\"n\">")
                        .append(num((Long) r.get("participants"))).append("</td><td class=\"n\">")
                        .append(num((Long) r.get("records"))).append("</td></tr>");
            }
            b.append("</tbody></table>");
            if (rows.size() > maxConcepts) {
                b.append("<p class=\"note\">").append(num(maxConcepts)).append(" of ").append(num(rows.size()))
                        .append(" concepts shown; concepts.json and concepts.parquet list all.</p>");
            }
            b.append("</details>");
        }
        return b.toString();
    }

    static String surveyExplorer(Snapshot s) {
        Map<Integer, List<Row>> questions = s.family("survey_questions").rows(true).stream()
                .collect(Collectors.groupingBy(r -> (Integer) r.get("module_concept_id")));
        Map<String, List<Row>> answers = s.family("survey_answers").rows(true).stream()
                .collect(Collectors.groupingBy(r -> r.get("module_concept_id") + "/" + r.get("question_concept_id")));
        List<Row> modules = s.family("survey_modules").rows(true);
        StringBuilder b = new StringBuilder("<table class=\"grid\"><thead><tr><th>Survey</th><th>Questions</th>"
                + "<th>Participants</th></tr></thead><tbody>");
        for (Row m : modules) {
            b.append("<tr><td>").append(esc(m.get("module_name"))).append("</td><td class=\"n\">")
                    .append(num((Long) m.get("questions"))).append("</td><td class=\"n\">")
                    .append(num((Long) m.get("participants"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        for (Row m : modules) {
            int module = (Integer) m.get("module_concept_id");
            b.append("<details><summary>").append(esc(m.get("module_name"))).append(": ")
                    .append(num((Long) m.get("questions"))).append(" questions, ")
                    .append(num((Long) m.get("participants"))).append(" participants</summary>");
            List<Row> qs = questions.getOrDefault(module, List.of()).stream()
                    .sorted(BY_PARTICIPANTS.thenComparingInt(r -> (Integer) r.get("question_concept_id"))).toList();
            for (Row q : qs) {
                long n = (Long) q.get("participants");
                b.append("<details class=\"question\"><summary>").append(esc(q.get("question_name")))
                        .append(" <span class=\"code\">").append(esc(q.get("question_code"))).append("</span> ")
                        .append(num(n)).append(" participants</summary><table class=\"grid\"><thead><tr><th>Answer</th>"
                                + "<th>Code</th><th>Participants</th><th>Share</th></tr></thead><tbody>");
                List<Row> as = answers.getOrDefault(module + "/" + q.get("question_concept_id"), List.of()).stream()
                        .sorted(BY_PARTICIPANTS.thenComparing(r -> String.valueOf(r.get("answer_name")))).toList();
                for (Row a : as) {
                    long an = (Long) a.get("participants");
                    b.append("<tr><td>").append(esc(a.get("answer_name"))).append("</td><td>")
                            .append(esc(a.get("answer_code"))).append("</td><td class=\"n\">").append(num(an))
                            .append("</td><td class=\"n\">").append(pct(an, n)).append("</td></tr>");
                }
                b.append("</tbody></table></details>");
            }
            b.append("</details>");
        }
        return b.toString();
    }
}
