package org.cdrbuilder.steps.qa.html;

import java.util.Map;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.steps.ingest.InputValidation;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;

/**
 * {@code qa/report.html}: one self-contained page (inline CSS, JavaScript and SVG; nothing is fetched) for QA staff
 * deciding whether a release may be published. Rendered as static HTML, so it reads without JavaScript; the script
 * only filters the checks table.
 */
public final class ReportPage {
    private ReportPage() {
    }

    /**
     * @param inputs input validation per source and site, or null when not available
     * @param ledger the ledger (rows removed per rule), or null
     * @param comparison the comparison with the previous release, or null when there is none
     */
    public static String render(QaReport report, InputValidation inputs, Ledger ledger, ReleaseComparison comparison) {
        Html h = new Html();
        Map<String, Object> meta = report.metadataEntry();
        String title = "QA report: " + meta.getOrDefault("CDM_SOURCE_NAME", "release");
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(title)
                .raw("</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
                .raw(CSS).raw("</style></head><body><header><h1>").text(title).raw("</h1><p class=\"muted\">")
                .text("cutoff " + meta.getOrDefault("cutoff_date", "") + " \u00b7 vocabulary "
                        + meta.getOrDefault("VOCABULARY_VERSION", "") + " \u00b7 " + meta.getOrDefault("DQD_VERSION", "")
                        + " \u00b7 checked " + report.endTimestamp)
                .raw("</p><nav><a href=\"#overview\">Overview</a><a href=\"#checks\">Checks</a>"
                        + "<a href=\"#inputs\">Input validation</a><a href=\"#rules\">Cleaning rules</a>"
                        + "<a href=\"#comparison\">Comparison</a><a href=\"#timings\">Timings</a></nav></header><main>");
        OverviewSection.write(h, report);
        ChecksSection.write(h, report.checkResults);
        InputsSection.write(h, inputs);
        LedgerSection.write(h, ledger);
        ComparisonSection.write(h, comparison);
        timings(h, report);
        h.raw("</main><script>").raw(SCRIPT).raw("</script></body></html>\n");
        return h.toString();
    }

    private static void timings(Html h, QaReport report) {
        h.raw("<section id=\"timings\"><h2>Timings</h2><p class=\"muted\">One read of each table for all of its checks."
                + "</p><table>").head("table", "rows", "checks", "seconds", "CPU seconds");
        for (QaReport.TableTiming t : report.timings) {
            h.raw("<tr>").el("td", "class=\"mono\"", t.cdmTableName).el("td", "class=\"n\"", Html.number(t.rows))
                    .el("td", "class=\"n\"", t.checks).el("td", "class=\"n\"", t.seconds)
                    .el("td", "class=\"n\"", t.cpuSeconds).raw("</tr>");
        }
        h.raw("</table></section>");
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1d;background:#fafafa}
            header{background:#263238;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
            header .muted{color:#b0bec5}nav a{color:#80cbc4;margin-right:16px;text-decoration:none}
            main{padding:8px 24px 40px}section{margin-top:20px}h2{border-bottom:2px solid #cfd8dc;padding-bottom:4px}
            table{border-collapse:collapse;background:#fff;margin:6px 0}th,td{border:1px solid #e0e0e0;padding:3px 7px;
            text-align:left;vertical-align:top}th{background:#eceff1;position:sticky;top:0}td.n{text-align:right;
            white-space:nowrap}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
            .muted{color:#757575}.bad{color:#c62828;font-weight:600}.note{color:#546e7a;font-size:12px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #e0e0e0;border-radius:6px;
            padding:8px 16px;min-width:110px}.card .num{font-size:24px;font-weight:700}.card.pass .num{color:#2e7d32}
            .card.fail .num,.card.fatal .num{color:#c62828}.card.na .num{color:#757575}
            .split{display:flex;gap:32px;flex-wrap:wrap}.gate{padding:8px 12px;border-radius:6px;margin:8px 0}
            .gate.passed{background:#e8f5e9;border:1px solid #66bb6a}.gate.blocked{background:#ffebee;border:1px solid #e53935}
            .gate.accepted{background:#fff8e1;border:1px solid #ffb300}.gate ul{margin:4px 0}
            .filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:6px 0}.filters input{width:280px}
            .badge{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}.badge.failed,.badge.error{
            background:#c62828;color:#fff}.badge.passed{background:#c8e6c9}.badge.not-applicable{background:#eeeeee}
            tr.st-failed td,tr.st-error td{background:#fff5f5}tr.flag td,tr.warn td{background:#fff8e1}
            table.checks{width:100%;font-size:13px}table.checks td.mono,table.checks .mono{word-break:break-all}
            table.checks td:nth-child(4){max-width:260px}table.checks td:last-child{min-width:360px}
            table.ex{font-size:12px}details summary{cursor:pointer;color:#00695c}.filters select{max-width:220px}
            """;

    private static final String SCRIPT = """
            (function(){
              var ids=['f-text','f-status','f-severity','f-category','f-table','f-check'];
              var rows=Array.prototype.slice.call(document.querySelectorAll('#check-table > tbody > tr'));
              function v(id){return document.getElementById(id).value;}
              function apply(){
                var text=v('f-text').toLowerCase(),shown=0;
                rows.forEach(function(r){
                  var ok=(!v('f-status')||r.dataset.status===v('f-status'))&&(!v('f-severity')||r.dataset.severity===v('f-severity'))
                    &&(!v('f-category')||r.dataset.category===v('f-category'))&&(!v('f-table')||r.dataset.table===v('f-table'))
                    &&(!v('f-check')||r.dataset.check===v('f-check'))&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
                  r.style.display=ok?'':'none';if(ok){shown++;}
                });
                document.getElementById('f-count').textContent='showing '+shown+' of '+rows.length+' checks';
              }
              ids.forEach(function(id){var e=document.getElementById(id);e.addEventListener('input',apply);e.addEventListener('change',apply);});
              apply();
            })();
            """;
}
