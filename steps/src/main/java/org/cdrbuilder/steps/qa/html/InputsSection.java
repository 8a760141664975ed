package org.cdrbuilder.steps.qa.html;

import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.steps.ingest.InputValidation;

/** Input validation per source and site: files, rows read, staged and quarantined, issues and quarantine reasons. */
final class InputsSection {
    private InputsSection() {
    }

    static void write(Html h, InputValidation v) {
        h.raw("<section id=\"inputs\"><h2>Input validation per site</h2>");
        if (v == null) {
            h.raw("<p class=\"muted\">No input validation was recorded for this release.</p></section>");
            return;
        }
        h.raw("<p>").text(Html.number(v.filesFound) + " file(s), " + Html.number(v.rowsRead) + " row(s) read, "
                + Html.number(v.rowsQuarantined) + " quarantined, " + Html.number(v.valuesDropped)
                + " invalid value(s) dropped from kept rows, " + v.filesWithErrors + " file(s) with errors.")
                .raw("</p><table id=\"input-table\">")
                .head("source", "site", "files found", "files loaded", "rows read", "rows staged", "rows quarantined",
                        "values dropped", "details");
        for (InputValidation.Source s : v.sources) {
            h.raw("<tr class=\"" + (s.rowsQuarantined > 0 || s.valuesDropped > 0 || s.filesLoaded < s.filesFound
                            ? "warn" : "") + "\">")
                    .el("td", null, s.kind).el("td", null, s.site == null ? "" : s.site)
                    .el("td", "class=\"n\"", Html.number(s.filesFound)).el("td", "class=\"n\"", Html.number(s.filesLoaded))
                    .el("td", "class=\"n\"", Html.number(s.rowsRead)).el("td", "class=\"n\"", Html.number(s.rowsStaged))
                    .el("td", "class=\"n\"", Html.number(s.rowsQuarantined))
                    .el("td", "class=\"n\"", Html.number(s.valuesDropped)).raw("<td>");
            details(h, s);
            h.raw("</td></tr>");
        }
        h.raw("</table>");
        if (!v.ignored.isEmpty()) {
            h.raw("<details><summary>").text(v.ignored.size() + " file(s) ignored").raw("</summary><ul>");
            v.ignored.forEach(i -> h.el("li", null, i.get("relativePath") + ": " + i.get("reason")));
            h.raw("</ul></details>");
        }
        h.raw("</section>");
    }

    private static void details(Html h, InputValidation.Source s) {
        boolean any = s.files.stream().anyMatch(f -> !f.issues.isEmpty() || !f.reasons.isEmpty()
                || !f.valuesDropped.isEmpty() || !f.warnings.isEmpty());
        if (!any) {
            return;
        }
        h.raw("<details><summary>issues and quarantine reasons</summary><ul>");
        for (InputValidation.FileResult f : s.files) {
            for (UnitReport.FileIssue i : f.issues) {
                h.el("li", null, i.severity + " " + f.file + (i.line == null ? "" : ":" + i.line) + ": " + i.message);
            }
            f.reasons.forEach((reason, n) -> h.el("li", null, f.file + ": " + n + " row(s) quarantined: " + reason));
            f.warnings.forEach((reason, n) -> h.el("li", null, f.file + ": " + n + " row(s) staged with a warning: "
                    + reason));
            f.valuesDropped.forEach((reason, n) -> h.el("li", null, f.file + ": " + n
                    + " value(s) dropped, rows kept: " + reason));
            for (var e : f.valuesDroppedExamples) {
                h.el("li", "class=\"muted\"", "  e.g. " + f.file + ":" + e.get("line") + " " + e.get("field") + ": "
                        + e.get("reason"));
            }
        }
        h.raw("</ul></details>");
    }
}
