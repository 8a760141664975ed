package org.cdrbuilder.steps.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The privacy audit of one tier ({@code qa/privacy-audit.json}): each check with its status and where its
 * findings are. Holds locations only, never values.
 */
public final class AuditReport {
    public String tier;
    public boolean passed;
    public long rowsAudited;
    public long tablesAudited;
    public List<CheckResult> checks = new ArrayList<>();

    /** One check's outcome: {@code passed}, {@code failed} or {@code skipped} (with the reason). */
    public static final class CheckResult {
        public String id;
        public String description;
        public String status;
        public String skipped;
        public long findings;
        public List<Findings.Location> examples = new ArrayList<>();
    }

    /** Builds the report from each check's findings per table. */
    public static AuditReport of(String tier, List<AuditCheck> checks, AuditContext ctx,
                                 Map<String, Map<String, Findings>> byTable, long rows) {
        AuditReport r = new AuditReport();
        r.tier = tier;
        r.rowsAudited = rows;
        r.tablesAudited = byTable.size();
        r.passed = true;
        for (AuditCheck c : checks) {
            CheckResult cr = new CheckResult();
            cr.id = c.id();
            cr.description = c.description();
            cr.skipped = c.skipReason(ctx);
            Findings all = new Findings();
            new java.util.TreeMap<>(byTable).forEach((t, m) -> {
                Findings f = m.get(c.id());
                if (f != null) {
                    all.merge(f);
                }
            });
            cr.findings = all.count;
            cr.examples = all.examples;
            cr.status = cr.skipped != null ? "skipped" : all.count > 0 ? "failed" : "passed";
            if (all.count > 0) {
                r.passed = false;
            }
            r.checks.add(cr);
        }
        return r;
    }

    public List<CheckResult> failed() {
        return checks.stream().filter(c -> c.status.equals("failed")).toList();
    }

    /** One line per failed check naming its first leak, for error messages and the console. */
    public String describeFailures() {
        StringBuilder b = new StringBuilder();
        for (CheckResult c : failed()) {
            Findings.Location l = c.examples.isEmpty() ? null : c.examples.get(0);
            b.append("  ").append(c.id).append(": ").append(c.findings).append(" finding(s)");
            if (l != null) {
                b.append(", first: ").append(l.what()).append(" in ").append(l.table());
                if (!l.column().isEmpty()) {
                    b.append('.').append(l.column());
                }
                b.append(" (").append(l.file()).append(", row ").append(l.row()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    static Map<String, Findings> emptyFor(List<AuditCheck> checks) {
        Map<String, Findings> m = new LinkedHashMap<>();
        checks.forEach(c -> m.put(c.id(), new Findings()));
        return m;
    }
}
