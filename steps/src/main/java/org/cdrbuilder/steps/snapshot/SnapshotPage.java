package org.cdrbuilder.steps.snapshot;

import static org.cdrbuilder.steps.snapshot.Html.esc;
import static org.cdrbuilder.steps.snapshot.Html.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.snapshot.PageCharts.Bar;
import org.cdrbuilder.steps.snapshot.PageCharts.Series;

/**
 * {@code index.html} of a published snapshot: one self-contained page (inline CSS and SVG, no script, nothing loaded
 * from elsewhere) drawn from the disseminated counts only; shares are computed from published values.
 */
final class SnapshotPage {
    private final Snapshot s;
    private final int topConcepts;
    private final int pageConcepts;
    private final StringBuilder b = new StringBuilder(1 << 16);

    private SnapshotPage(Snapshot s, int topConcepts, int pageConcepts) {
        this.s = s;
        this.topConcepts = topConcepts;
        this.pageConcepts = pageConcepts;
    }

    static String render(Snapshot s, int topConcepts, int pageConcepts) {
        return new SnapshotPage(s, topConcepts, pageConcepts).page();
    }

    private String page() {
        List<Row> types = s.family("data_types").rows(true);
        long all = (Long) types.get(0).get("participants");
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data snapshot ")
                .append(esc(s.version())).append(" (").append(esc(s.tier())).append(")</title><style>")
                .append(PageStyle.CSS).append("</style></head><body><header><h1>Data snapshot</h1><p class=\"sub\">Release ")
                .append(esc(s.version())).append(" \u00b7 ").append(esc(s.tier())).append(" tier \u00b7 data up to ")
                .append(esc(s.cutoff())).append("</p><div class=\"tiles\">");
        for (Row t : types) {
            b.append("<div class=\"tile\"><div class=\"big\">").append(num((Long) t.get("participants")))
                    .append("</div><div>").append(esc(t.get("label"))).append("</div></div>");
        }
        b.append("</div><p class=\"note\">Counts of participants and records are rounded up: 1 to ").append(s.cellSize())
                .append(" is shown as ").append(s.cellSize()).append(", larger counts as the next multiple of ")
                .append(s.cellSize()).append("; a total is raised by further steps of ").append(s.cellSize())
                .append(" when a count it contains would otherwise reveal a small group by subtraction, up to one step "
                        + "per level of counts nested in it. Counts of concepts and questions are exact.</p>"
                        + "</header><main>");
        enrollment();
        section("Participants by data type", "data-types");
        List<Bar> bars = new ArrayList<>();
        types.subList(1, types.size()).forEach(t -> bars.add(new Bar((String) t.get("label"), (Long) t.get("participants"))));
        b.append(PageCharts.bars(bars, all, "c1"));
        combinations(all);
        b.append("</section>");
        demographics(all);
        topConcepts();
        section("Data Browser: EHR domains", "data-browser");
        b.append(PageTables.dataBrowser(s, pageConcepts)).append("</section>");
        section("Survey Explorer", "survey-explorer");
        b.append(PageTables.surveyExplorer(s)).append("</section>");
        b.append("</main><footer>Every family is also published as JSON and Parquet next to this page (")
                .append(esc(String.join(", ", s.families().keySet()))).append(").</footer></body></html>\n");
        return b.toString();
    }

    private void section(String title, String id) {
        b.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>");
    }

    private void enrollment() {
        section("Enrollment over time", "enrollment");
        List<Row> rows = s.family("enrollment").rows(true);
        List<String> months = new ArrayList<>();
        long[] enrolled = new long[rows.size()];
        long[] core = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            months.add(rows.get(i).get("month_start").toString().substring(0, 7));
            enrolled[i] = (Long) rows.get(i).get("participants");
            core[i] = (Long) rows.get(i).get("core_participants");
        }
        b.append("<p class=\"note\">Participants per month: each month is rounded on its own, so a running total of "
                + "these counts overstates enrollment; the total is the count at the top of the page.</p>");
        b.append(PageCharts.lines(months, List.of(new Series("Enrolled (primary consent)", "c1", enrolled),
                new Series("Completed the initial steps", "c2", core))));
        b.append("<details><summary>Monthly counts</summary><table class=\"grid\"><thead><tr><th>Month</th>"
                + "<th>Participants</th><th>Completed the initial steps</th></tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append("<tr><td>").append(months.get(i)).append("</td><td class=\"n\">")
                    .append(num((Long) r.get("participants"))).append("</td><td class=\"n\">")
                    .append(num((Long) r.get("core_participants"))).append("</td></tr>");
        }
        b.append("</tbody></table></details></section>");
    }

    private void combinations(long all) {
        b.append("<h3>Combinations of data types</h3><table class=\"grid combos\"><thead><tr>");
        for (DataType t : DataType.values()) {
            b.append("<th>").append(esc(t.label())).append("</th>");
        }
        b.append("<th>Participants</th><th></th></tr></thead><tbody>");
        List<Row> rows = s.family("data_type_combinations").rows(true).stream()
                .sorted(PageTables.BY_PARTICIPANTS.thenComparing(r -> (String) r.get("combination"))).toList();
        for (Row r : rows) {
            b.append("<tr>");
            for (DataType t : DataType.values()) {
                b.append("<td class=\"dot\">").append(Boolean.TRUE.equals(r.get(t.key())) ? "\u25cf" : "").append("</td>");
            }
            long n = (Long) r.get("participants");
            b.append("<td class=\"n\">").append(num(n)).append("</td><td><span class=\"minibar\" style=\"width:")
                    .append(all == 0 ? 0 : Math.max(1, 200 * n / all)).append("px\"></span></td></tr>");
        }
        b.append("</tbody></table>");
    }

    private void demographics(long all) {
        section("Demographics", "demographics");
        List<Row> rows = s.family("demographics").rows(true);
        for (String[] cat : new String[][] {{"gender", "Gender"}, {"race", "Race"}, {"ethnicity", "Ethnicity"},
                {"age", "Age at the cutoff date"}, {"state", "State of residence"}}) {
            List<Bar> bars = new ArrayList<>();
            rows.stream().filter(r -> cat[0].equals(r.get("category")))
                    .forEach(r -> bars.add(new Bar((String) r.get("label"), (Long) r.get("participants"))));
            b.append("<h3>").append(cat[1]).append("</h3>");
            if (cat[0].equals("age")) {
                b.append(PageCharts.columns(bars, "c3"));
            } else {
                bars.sort(Comparator.comparingLong(Bar::value).reversed().thenComparing(Bar::label));
                b.append(PageCharts.bars(bars, all, "c3"));
            }
        }
        b.append("</section>");
    }

    private void topConcepts() {
        section("Top concepts per EHR domain", "top-concepts");
        List<Row> concepts = s.family("concepts").rows(true);
        for (Row d : s.family("domains").rows(true)) {
            List<Bar> bars = concepts.stream().filter(r -> d.get("domain").equals(r.get("domain")))
                    .sorted(PageTables.BY_PARTICIPANTS.thenComparingInt(r -> (Integer) r.get("concept_id")))
                    .limit(topConcepts).map(r -> new Bar((String) r.get("concept_name"), (Long) r.get("participants")))
                    .toList();
            if (!bars.isEmpty()) {
                b.append("<h3>").append(esc(d.get("domain"))).append("</h3>")
                        .append(PageCharts.bars(bars, (Long) d.get("participants"), "c4"));
            }
        }
        b.append("</section>");
    }
}
