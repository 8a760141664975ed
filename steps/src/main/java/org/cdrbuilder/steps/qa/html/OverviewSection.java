package org.cdrbuilder.steps.qa.html;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.QaOverview;
import org.cdrbuilder.core.qa.QaReport;

/** The overview: headline counts, the gate's decision, and counts by Kahn category and severity with bar charts. */
final class OverviewSection {
    private OverviewSection() {
    }

    static void write(Html h, QaReport r) {
        QaOverview o = r.overview;
        h.raw("<section id=\"overview\"><h2>Overview</h2>");
        gate(h, r.gate);
        h.raw("<div class=\"cards\">");
        card(h, "checks", o.countTotal, "total");
        card(h, "passed", o.countPassed, "pass");
        card(h, "failed", o.countOverallFailed, "fail");
        card(h, "not applicable", o.countNotApplicable, "na");
        card(h, "fatal failed", r.overview.bySeverity.getOrDefault("fatal", Map.of()).getOrDefault("failed", 0L),
                "fatal");
        h.raw("<div class=\"card\"><div class=\"num\" id=\"percent-passed\">").text(o.percentPassed + "%")
                .raw("</div><div>passed of decided checks</div></div></div>");
        h.raw("<div class=\"split\"><div><h3>By category</h3><table id=\"by-category\">")
                .head("category", "total", "passed", "failed", "not applicable", "");
        category(h, "Conformance", o.countTotalConformance, o.countPassedConformance, o.countFailedConformance);
        category(h, "Completeness", o.countTotalCompleteness, o.countPassedCompleteness, o.countFailedCompleteness);
        category(h, "Plausibility", o.countTotalPlausibility, o.countPassedPlausibility, o.countFailedPlausibility);
        h.raw("</table></div><div><h3>By severity</h3><table id=\"by-severity\">")
                .head("severity", "total", "passed", "failed", "not applicable", "");
        for (String s : List.of("fatal", "convention", "characterization")) {
            Map<String, Long> m = o.bySeverity.getOrDefault(s, Map.of());
            long total = m.getOrDefault("total", 0L);
            long passed = m.getOrDefault("passed", 0L);
            long failed = m.getOrDefault("failed", 0L);
            barRow(h, s, total, passed, failed);
        }
        h.raw("</table></div></div>");
        h.raw("<p class=\"muted\">").text("Checked in " + r.executionTime + " (" + r.startTimestamp + " to "
                + r.endTimestamp + "); each table is read once for all of its checks.").raw("</p></section>");
    }

    private static void gate(Html h, QaReport.Gate g) {
        String cls = switch (g.status) {
            case "blocked" -> "gate blocked";
            case "accepted" -> "gate accepted";
            default -> "gate passed";
        };
        h.raw("<div class=\"" + cls + "\" id=\"gate\"><strong>Publication gate: ").text(g.status.toUpperCase())
                .raw("</strong> ");
        if (g.failedFatalChecks.isEmpty()) {
            h.text("no fatal check failed.");
        } else {
            h.text(g.failedFatalChecks.size() + " fatal check(s) failed");
            if (g.acceptedReason != null) {
                h.text("; published anyway, reason recorded: \"" + g.acceptedReason + "\"");
            }
            h.raw("<ul>");
            g.failedFatalChecks.forEach(c -> h.el("li", null, c));
            h.raw("</ul>");
        }
        h.raw("</div>");
    }

    private static void card(Html h, String label, long n, String cls) {
        h.raw("<div class=\"card " + cls + "\"><div class=\"num\" id=\"count-" + label.replace(' ', '-') + "\">")
                .text(Html.number(n)).raw("</div><div>").text(label).raw("</div></div>");
    }

    private static void category(Html h, String name, long total, long passed, long failed) {
        barRow(h, name, total, passed, failed);
    }

    private static void barRow(Html h, String name, long total, long passed, long failed) {
        long na = total - passed - failed;
        h.raw("<tr><td>").text(name).raw("</td><td>").text(Html.number(total)).raw("</td><td>")
                .text(Html.number(passed)).raw("</td><td class=\"" + (failed > 0 ? "bad" : "") + "\">")
                .text(Html.number(failed)).raw("</td><td>").text(Html.number(na)).raw("</td><td>");
        bar(h, total, passed, failed);
        h.raw("</td></tr>");
    }

    /** A stacked bar: passed, failed, not applicable. */
    private static void bar(Html h, long total, long passed, long failed) {
        double w = 160;
        double p = total == 0 ? 0 : w * passed / total;
        double f = total == 0 ? 0 : w * failed / total;
        h.raw(String.format(java.util.Locale.ROOT, "<svg width=\"160\" height=\"12\" role=\"img\">"
                + "<rect width=\"160\" height=\"12\" fill=\"#d9d9d9\"/><rect width=\"%.1f\" height=\"12\" fill=\"#2e7d32\"/>"
                + "<rect x=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"#c62828\"/></svg>", p, p, f));
    }
}
