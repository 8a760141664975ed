package org.cdrbuilder.steps.audit.checks;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/** No concept column of a data table holds a concept on the tier's suppression list. */
public final class SuppressedConcepts implements AuditCheck {
    @Override
    public String id() {
        return "suppressed_concepts";
    }

    @Override
    public String description() {
        return "No concept on the tier's suppression list in any concept column of a data table.";
    }

    @Override
    public boolean covers(TableDef table, AuditContext ctx) {
        return table.group() != TableGroup.VOCABULARY && !ctx.suppressed().isEmpty();
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        if (ctx.suppressed().isEmpty()) {
            return;
        }
        for (int k = 0; k < r.table().conceptIdColumnCount(); k++) {
            int i = r.table().conceptIdColumn(k);
            if (r.row().get(i) instanceof Integer c && c != 0 && ctx.suppressed().contains(c)) {
                r.report(findings, r.table().column(i).name(), "suppressed concept");
            }
        }
    }
}
