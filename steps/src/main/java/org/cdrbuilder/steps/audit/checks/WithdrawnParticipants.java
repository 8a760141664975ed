package org.cdrbuilder.steps.audit.checks;

import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/** No row of a participant the registry shows as withdrawn. */
public final class WithdrawnParticipants implements AuditCheck {
    @Override
    public String id() {
        return "withdrawn_participants";
    }

    @Override
    public String description() {
        return "No rows of withdrawn participants.";
    }

    @Override
    public String skipReason(AuditContext ctx) {
        if (ctx.registry() == null) {
            return "needs the drop's registry file (--drop)";
        }
        return ctx.keys() == null ? "needs the privacy key and mapping store (--key-file, --private)" : null;
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        if (r.participant() >= 0 && ctx.registry().withdrawn(r.participant())) {
            r.report(findings, "person_id", "row of a withdrawn participant");
        }
    }
}
