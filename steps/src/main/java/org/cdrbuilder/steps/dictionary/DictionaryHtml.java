package org.cdrbuilder.steps.dictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * The data dictionary of one tier as a self-contained HTML page ({@code docs/dictionary.html} of each published
 * tier): no script, no external resource, nothing from the clock, so the same release gives the same bytes.
 */
public final class DictionaryHtml {
    private DictionaryHtml() {
    }

    private static final String CSS = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;"
            + "color:#1d2733;background:#fff}header{background:#1d3557;color:#fff;padding:18px 28px}header h1{margin:0;"
            + "font-size:22px}header p{margin:4px 0 0;opacity:.85}main{padding:8px 28px 40px;max-width:1400px}"
            + "h2{margin:28px 0 6px;font-size:18px;border-bottom:1px solid #d0d7de;padding-bottom:4px}"
            + "table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}th,td{border:1px solid #d0d7de;"
            + "padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f5f8}code{font-size:12px}"
            + "td.r a{display:inline-block;margin:0 6px 2px 0}.meta{margin:4px 0;font-size:13px}.tier{color:#8a3b12}"
            + "nav{columns:4 220px;font-size:13px;margin:8px 0}nav a{display:block}";

    /**
     * The page of {@code tier}, for release {@code version}.
     *
     * @throws IllegalArgumentException when the dictionary does not describe the tier
     */
    public static String render(DataDictionary d, String version, String tier) {
        DataDictionary.Tier t = d.tiers().stream().filter(x -> x.name().equals(tier)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the dictionary has no tier " + tier));
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data dictionary ")
                .append(esc(version)).append(" (").append(esc(tier)).append(")</title><style>").append(CSS)
                .append("</style></head><body><header><h1>Data dictionary</h1><p>Release ").append(esc(version))
                .append(" &middot; ").append(esc(tier)).append(" tier &middot; ").append(esc(t.description()))
                .append("</p></header><main>");
        sb.append("<p class=\"meta\">Every table and column of this tier, from the schema changelog, with the cleaning "
                + "rules (the same in every tier) and the <span class=\"tier\">privacy transforms of this tier</span> "
                + "that act on its rows and may change its values. Files: <code>&lt;folder&gt;part-*.parquet</code>; "
                + "<code>manifest.json</code> lists every file with its row count and SHA-256.</p>");
        sb.append("<nav>");
        for (DataDictionary.Table table : d.tables()) {
            sb.append("<a href=\"#t-").append(esc(table.name())).append("\">").append(esc(table.name())).append("</a>");
        }
        sb.append("<a href=\"#rules\"><b>Rules</b></a></nav>");
        for (DataDictionary.Table table : d.tables()) {
            table(sb, table, tier);
        }
        sb.append("<h2 id=\"rules\">Rules</h2><p class=\"meta\">The rules and transforms that act in this tier, in the "
                + "order the build runs them.</p><table><tr><th>#</th><th>rule</th><th>stage</th><th>what it does</th></tr>");
        int n = 1;
        for (DataDictionary.Rule r : d.rules()) {
            if (!r.tiers().contains(tier)) {
                continue;
            }
            sb.append("<tr id=\"").append(esc(anchor(r.id()))).append("\"><td>").append(n++).append("</td><td><code>")
                    .append(esc(r.id())).append("</code></td><td>").append(esc(r.stage())).append("</td><td>")
                    .append(esc(r.description())).append("</td></tr>");
        }
        sb.append("</table></main></body></html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, DataDictionary.Table t, String tier) {
        sb.append("<h2 id=\"t-").append(esc(t.name())).append("\">").append(esc(t.name())).append("</h2>");
        String description = DictionaryMarkdown.tableDescription(t);
        if (!description.isEmpty()) {
            sb.append("<p>").append(esc(description)).append("</p>");
        }
        sb.append("<p class=\"meta\">Files <code>").append(esc(t.folder())).append("part-*.parquet</code>");
        if (t.primaryKey() != null) {
            sb.append(" &middot; primary key <code>").append(esc(t.primaryKey())).append("</code>");
        }
        sb.append("</p><p class=\"meta\">Rules on its rows: ").append(links(t.cleaning(), t.perTier().get(tier)))
                .append("</p>");
        sb.append("<table><tr><th>column</th><th>type</th><th>Parquet</th><th>null</th><th>key</th><th>description</th>"
                + "<th>values changed by</th></tr>");
        for (DataDictionary.Column c : t.columns()) {
            sb.append("<tr><td><code>").append(esc(c.name())).append("</code></td><td>").append(esc(c.type()))
                    .append("</td><td>").append(esc(c.parquetType())).append("</td><td>").append(c.nullable() ? "yes" : "no")
                    .append("</td><td>").append(esc(DictionaryMarkdown.key(c))).append("</td><td>")
                    .append(esc(c.description())).append("</td><td class=\"r\">")
                    .append(links(c.cleaning(), c.perTier().get(tier))).append("</td></tr>");
        }
        sb.append("</table>");
    }

    private static String links(List<String> cleaning, List<String> tierRules) {
        List<String> out = new ArrayList<>();
        for (String id : cleaning) {
            out.add("<a href=\"#" + esc(anchor(id)) + "\"><code>" + esc(id) + "</code></a>");
        }
        for (String id : tierRules == null ? List.<String>of() : tierRules) {
            out.add("<a class=\"tier\" href=\"#" + esc(anchor(id)) + "\"><code>" + esc(id) + "</code></a>");
        }
        return out.isEmpty() ? "&mdash;" : String.join(" ", out);
    }

    private static String anchor(String id) {
        return DictionaryMarkdown.ruleAnchor(id);
    }

    static String esc(String s) {
        return org.cdrbuilder.steps.common.HtmlText.escape(s);
    }
}
