package org.cdrbuilder.steps.qa.html;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.steps.qa.profile.ReleaseComparison;

/** The comparison with the previous release of the tier: rows, participants, concepts that appeared or vanished. */
final class ComparisonSection {
    private ComparisonSection() {
    }

    static void write(Html h, ReleaseComparison c) {
        h.raw("<section id=\"comparison\"><h2>Comparison with the previous release</h2>");
        if (c == null) {
            h.raw("<p class=\"muted\">No previous release of this tier was found: nothing to compare with.</p></section>");
            return;
        }
        long flagged = c.rows.stream().filter(x -> x.flagged).count() + c.participants.stream().filter(x -> x.flagged).count();
        h.raw("<p>").text(c.current + " compared with " + c.previous + ": " + flagged + " change(s) beyond "
                + c.flagPercent + "% flagged.").raw("</p>");
        h.raw("<div class=\"split\"><div><h3>Participants per data type</h3>");
        changes(h, "participants-table", "data type", c.participants);
        h.raw("</div><div><h3>Rows per table</h3>");
        changes(h, "rows-table", "table", c.rows.stream().filter(x -> x.previous != 0 || x.current != 0).toList());
        h.raw("</div></div><h3>Concepts that appeared or vanished</h3><table id=\"concepts-table\">")
                .head("field", "concepts before", "concepts now", "appeared", "vanished");
        for (ReleaseComparison.ConceptChange cc : c.concepts) {
            h.raw("<tr>").el("td", "class=\"mono\"", cc.field).el("td", "class=\"n\"", cc.previousConcepts)
                    .el("td", "class=\"n\"", cc.currentConcepts).raw("<td>");
            concepts(h, cc.appearedCount, cc.appeared);
            h.raw("</td><td>");
            concepts(h, cc.vanishedCount, cc.vanished);
            h.raw("</td></tr>");
        }
        if (c.concepts.isEmpty()) {
            h.raw("<tr><td colspan=\"5\" class=\"muted\">the same concepts in every field</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void changes(Html h, String id, String what, List<ReleaseComparison.Change> changes) {
        h.raw("<table id=\"" + id + "\">").head(what, "previous", "current", "change", "%");
        for (ReleaseComparison.Change ch : changes) {
            h.raw("<tr class=\"" + (ch.flagged ? "flag" : "") + "\">").el("td", "class=\"mono\"", ch.name)
                    .el("td", "class=\"n\"", Html.number(ch.previous)).el("td", "class=\"n\"", Html.number(ch.current))
                    .el("td", "class=\"n\"", (ch.difference > 0 ? "+" : "") + Html.number(ch.difference))
                    .el("td", "class=\"n\"", ch.percent == null ? "new" : (ch.percent > 0 ? "+" : "") + ch.percent + "%"
                            + (ch.flagged ? " \u26a0" : ""))
                    .raw("</tr>");
        }
        h.raw("</table>");
    }

    private static void concepts(Html h, int count, Map<Integer, String> listed) {
        if (count == 0) {
            return;
        }
        h.raw("<details><summary>").text(count + " concept(s)").raw("</summary><ul>");
        listed.forEach((id, name) -> h.el("li", null, id + (name == null ? "" : " " + name)));
        if (count > listed.size()) {
            h.el("li", "class=\"muted\"", "and " + (count - listed.size()) + " more");
        }
        h.raw("</ul></details>");
    }
}
