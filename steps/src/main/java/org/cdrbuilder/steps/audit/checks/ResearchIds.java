package org.cdrbuilder.steps.audit.checks;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * Every person id is a research id: one the mapping store assigned (with the key), else at least one of the
 * 7-digit form research ids have (participant numbers do not).
 */
public final class ResearchIds implements AuditCheck {
    static final long FIRST = 1_000_000L;
    static final long LAST = 9_999_999L;

    @Override
    public String id() {
        return "research_ids";
    }

    @Override
    public String description() {
        return "Every person_id is a research id from the mapping store (without the key: of the research-id form).";
    }

    @Override
    public boolean covers(TableDef table, AuditContext ctx) {
        return table.hasColumn("person_id");
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        Object v = r.row().get("person_id");
        if (v == null) {
            return;
        }
        boolean ok = ctx.keys() != null ? r.participant() >= 0
                : v instanceof Long id && id >= FIRST && id <= LAST;
        if (!ok) {
            r.report(findings, "person_id", "person id that is not a research id");
        }
    }
}
