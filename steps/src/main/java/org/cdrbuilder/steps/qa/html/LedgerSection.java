package org.cdrbuilder.steps.qa.html;

import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.ledger.Ledger;

/** Rows removed (and changed) per cleaning rule and table, from the ledger. */
final class LedgerSection {
    private LedgerSection() {
    }

    static void write(Html h, Ledger ledger) {
        h.raw("<section id=\"rules\"><h2>Rows removed per cleaning rule</h2>");
        if (ledger == null) {
            h.raw("<p class=\"muted\">No ledger was recorded for this release.</p></section>");
            return;
        }
        Map<String, Map<String, Long>> removed = new TreeMap<>();
        Map<String, Map<String, Long>> changed = new TreeMap<>();
        ledger.tables.forEach((table, e) -> {
            e.removed.forEach((rule, n) -> removed.computeIfAbsent(rule, k -> new TreeMap<>()).put(table, n));
            e.changed.forEach((rule, n) -> changed.computeIfAbsent(rule, k -> new TreeMap<>()).put(table, n));
        });
        h.raw("<p>").text(ledger.reconciled() ? "Every table reconciles: source rows = published + quarantined + removed "
                + "(+/- moved and created)." : "Some tables do not reconcile; see ledger.json.").raw("</p>");
        table(h, "rule-table", "removed", removed);
        if (!changed.isEmpty()) {
            h.raw("<h3>Rows changed per rule</h3>");
            table(h, "changed-table", "changed", changed);
        }
        h.raw("</section>");
    }

    private static void table(Html h, String id, String what, Map<String, Map<String, Long>> byRule) {
        h.raw("<table id=\"" + id + "\">").head("rule", "rows " + what, "per table");
        for (Map.Entry<String, Map<String, Long>> e : byRule.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder per = new StringBuilder();
            e.getValue().forEach((t, n) -> per.append(per.length() == 0 ? "" : ", ").append(t).append(' ')
                    .append(Html.number(n)));
            h.raw("<tr>").el("td", "class=\"mono\"", e.getKey()).el("td", "class=\"n\"", Html.number(total))
                    .el("td", null, per).raw("</tr>");
        }
        if (byRule.isEmpty()) {
            h.raw("<tr><td colspan=\"3\" class=\"muted\">none</td></tr>");
        }
        h.raw("</table>");
    }
}
