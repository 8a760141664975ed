package org.cdrbuilder.steps.audit.checks;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/** The tables the tier publishes empty (note, location, provider, care_site) have no rows. */
public final class EmptyTables implements AuditCheck {
    @Override
    public String id() {
        return "tables_empty";
    }

    @Override
    public String description() {
        return "Tables the tier publishes empty (note, location, provider, care_site) have no rows.";
    }

    @Override
    public boolean covers(TableDef table, AuditContext ctx) {
        return ctx.profile().emptyTables.contains(table.name());
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
    }

    @Override
    public void tableDone(TableDef table, long rows, String file, AuditContext ctx, Findings findings) {
        if (rows > 0) {
            findings.count += rows;
            findings.examples.add(new Findings.Location(table.name(), "", file, 0, rows + " rows in a table published empty"));
        }
    }
}
