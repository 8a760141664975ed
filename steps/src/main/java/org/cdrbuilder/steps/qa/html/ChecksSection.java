package org.cdrbuilder.steps.qa.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.qa.CheckResult;

/** Every check in a filterable table: failures first (fatal first), then in report order, with examples. */
final class ChecksSection {
    private ChecksSection() {
    }

    static void write(Html h, List<CheckResult> results) {
        List<CheckResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(ChecksSection::rank));
        h.raw("<section id=\"checks\"><h2>Checks</h2><div class=\"filters\">")
                .raw("<input id=\"f-text\" type=\"search\" placeholder=\"search check, table, field, concept...\">");
        select(h, "f-status", "status", List.of("failed", "passed", "not applicable", "error"));
        select(h, "f-severity", "severity", List.of("fatal", "convention", "characterization"));
        select(h, "f-category", "category", List.of("Conformance", "Completeness", "Plausibility"));
        Set<String> tables = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        results.forEach(r -> {
            tables.add(r.cdmTableName);
            names.add(r.checkName);
        });
        select(h, "f-table", "table", new ArrayList<>(tables));
        select(h, "f-check", "check", new ArrayList<>(names));
        h.raw("<span id=\"f-count\"></span></div>");
        h.raw("<table id=\"check-table\" class=\"checks\">").head("status", "severity", "check", "table.field", "concept",
                "violated rows", "% violated", "denominator", "threshold %", "description, notes and examples");
        h.raw("<tbody>");
        for (CheckResult r : sorted) {
            row(h, r);
        }
        h.raw("</tbody></table></section>");
    }

    static String status(CheckResult r) {
        if (r.isError == 1) {
            return "error";
        }
        if (r.notApplicable == 1) {
            return "not applicable";
        }
        return r.failed == 1 ? "failed" : "passed";
    }

    private static int rank(CheckResult r) {
        int s = switch (r.severity) {
            case "fatal" -> 0;
            case "convention" -> 1;
            default -> 2;
        };
        return switch (status(r)) {
            case "error", "failed" -> s;
            case "passed" -> 10;
            default -> 20;
        };
    }

    private static void select(Html h, String id, String label, List<String> values) {
        h.raw("<select id=\"" + id + "\"><option value=\"\">all " + Html.esc(label) + "</option>");
        for (String v : values) {
            h.raw("<option>").text(v).raw("</option>");
        }
        h.raw("</select>");
    }

    private static void row(Html h, CheckResult r) {
        String status = status(r);
        h.raw("<tr class=\"st-" + status.replace(' ', '-') + "\" data-status=\"" + Html.esc(status)
                + "\" data-severity=\"" + Html.esc(r.severity) + "\" data-category=\"" + Html.esc(r.category)
                + "\" data-table=\"" + Html.esc(r.cdmTableName) + "\" data-check=\"" + Html.esc(r.checkName) + "\">");
        h.raw("<td><span class=\"badge " + status.replace(' ', '-') + "\">").text(status).raw("</span></td>");
        h.el("td", null, r.severity).raw("<td><span class=\"mono\">").text(r.checkName).raw("</span><div class=\"note\">")
                .text(r.category + (r.subcategory == null || r.subcategory.isEmpty() ? "" : " / " + r.subcategory))
                .raw("</div></td>")
                .el("td", "class=\"mono\"", r.cdmTableName + (r.cdmFieldName == null ? "" : "." + r.cdmFieldName)
                        + (r.source == null ? "" : " (" + r.source + ")"))
                .el("td", null, r.conceptId == null ? "" : r.conceptId + (r.unitConceptId == null ? "" : " / unit "
                        + r.unitConceptId))
                .el("td", "class=\"n\"", Html.number(r.numViolatedRows))
                .el("td", "class=\"n\"", r.notApplicable == 1 ? "" : Html.percent(r.pctViolatedRows))
                .el("td", "class=\"n\"", Html.number(r.numDenominatorRows))
                .el("td", "class=\"n\"", r.thresholdValue);
        h.raw("<td>").text(r.checkDescription);
        if (r.notesValue != null && !r.notesValue.isEmpty()) {
            h.raw("<div class=\"note\">").text(r.notesValue).raw("</div>");
        }
        if (r.error != null) {
            h.raw("<div class=\"bad\">").text(r.error).raw("</div>");
        }
        if (r.notApplicableReason != null) {
            h.raw("<div class=\"muted\">").text(r.notApplicableReason).raw("</div>");
        }
        examples(h, r.examples);
        h.raw("</td></tr>");
    }

    private static void examples(Html h, List<Map<String, Object>> examples) {
        if (examples == null || examples.isEmpty()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        examples.forEach(e -> keys.addAll(e.keySet()));
        h.raw("<details><summary>").text(examples.size() + " example row(s)").raw("</summary><table class=\"ex\">")
                .head(keys.toArray(new String[0]));
        for (Map<String, Object> e : examples) {
            h.raw("<tr>");
            for (String k : keys) {
                h.el("td", "class=\"mono\"", e.get(k));
            }
            h.raw("</tr>");
        }
        h.raw("</table></details>");
    }
}
