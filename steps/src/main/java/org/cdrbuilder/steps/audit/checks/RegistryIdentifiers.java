package org.cdrbuilder.steps.audit.checks;

import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * No text value of any table holds a direct identifier from the registry: anyone's full name (either order),
 * email address, street address or formatted phone number, or the row's own participant's phone digits or ZIP
 * code. Single first or last names alone are not reported: they collide with codes (race "White").
 */
public final class RegistryIdentifiers implements AuditCheck {
    private static final String NONE = "";
    private static final int CACHE_LIMIT = 200_000;
    /** Verdicts of values already seen (codes, site labels and enumerations repeat on most rows). */
    private final java.util.HashMap<String, String> seen = new java.util.HashMap<>();

    @Override
    public String id() {
        return "registry_identifiers";
    }

    @Override
    public String description() {
        return "No registry name, email, phone, street address or ZIP code in any text column of any table.";
    }

    @Override
    public String skipReason(AuditContext ctx) {
        return ctx.registry() == null ? "needs the drop's registry file (--drop)" : null;
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        for (int i = 0; i < r.table().columnCount(); i++) {
            ColumnDef c = r.table().column(i);
            if (!c.type().isText() || !(r.row().get(i) instanceof String v) || v.isEmpty()) {
                continue;
            }
            String what = seen.get(v);
            if (what == null) {
                what = ctx.registry().anyonesIdentifier(v);
                if (seen.size() >= CACHE_LIMIT) {
                    seen.clear();
                }
                seen.put(v, what == null ? NONE : what);
            } else if (what.isEmpty()) {
                what = null;
            }
            if (what == null && r.participant() >= 0) {
                what = ctx.registry().ownIdentifier(r.participant(), v);
            }
            if (what != null) {
                r.report(findings, c.name(), "a participant's " + what + " from the registry");
            }
        }
    }
}
