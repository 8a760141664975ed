package org.cdrbuilder.steps.snapshot;

/** The inline style sheet of the snapshot page. */
final class PageStyle {
    static final String CSS = """
            :root{--ink:#1d2733;--muted:#5b6875;--line:#dde3ea;--bg:#f5f7fa;--c1:#2563eb;--c2:#16a34a;--c3:#9333ea;\
            --c4:#ea580c}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
            background:var(--bg)}
            header{background:linear-gradient(120deg,#1e3a8a,#2563eb);color:#fff;padding:28px 40px}
            header h1{margin:0;font-size:30px} .sub{margin:4px 0 18px;opacity:.85}
            header .note{color:#e0e7ff;max-width:980px}
            .tiles{display:flex;flex-wrap:wrap;gap:12px}
            .tile{background:rgba(255,255,255,.13);border-radius:10px;padding:12px 18px;min-width:150px}
            .big{font-size:26px;font-weight:700}
            main{max-width:1240px;margin:0 auto;padding:10px 28px 40px}
            section{background:#fff;border:1px solid var(--line);border-radius:12px;margin:22px 0;padding:8px 26px 22px}
            h2{font-size:21px;margin:16px 0 8px} h3{font-size:16px;margin:18px 0 6px;color:var(--muted)}
            .note{color:var(--muted);font-size:13px}
            svg.chart{width:100%;max-width:980px;height:auto;display:block} svg.columns{max-width:640px}
            svg text{font-size:13px;fill:var(--ink)} svg .value{fill:var(--muted);font-size:12px}
            .c1{fill:var(--c1);stroke:var(--c1)} .c2{fill:var(--c2);stroke:var(--c2)} .c3{fill:var(--c3)} .c4{fill:var(--c4)}
            polyline.line{fill:none;stroke-width:2.5} line.grid{stroke:var(--line)}
            table.grid{border-collapse:collapse;margin:8px 0;font-size:14px;min-width:420px}
            table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left}
            table.grid th{background:#f0f3f7;font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.dot{text-align:center;color:var(--c1)} .minibar{display:inline-block;height:10px;background:var(--c1);\
            border-radius:3px}
            details{margin:6px 0} summary{cursor:pointer;font-weight:600;padding:3px 0}
            details.question{margin-left:18px} details.question summary{font-weight:500}
            .code{color:var(--muted);font-size:12px;font-family:ui-monospace,monospace}
            footer{text-align:center;color:var(--muted);font-size:13px;padding:0 20px 30px}
            """;

    private PageStyle() {
    }
}
