package org.cdrbuilder.steps.audit;

import org.cdrbuilder.schema.TableDef;

/**
 * One thing the privacy audit proves about a tier's release. A check sees every published row once (with the row
 * it came from when the audit has the build's work files) and reports leaks to its findings.
 */
public interface AuditCheck {
    String id();

    String description();

    /** Why the check cannot run with what the audit was given (no registry, no key...), or null when it can. */
    default String skipReason(AuditContext ctx) {
        return null;
    }

    /** Whether the check looks at the rows of {@code table}. */
    default boolean covers(TableDef table, AuditContext ctx) {
        return true;
    }

    /**
     * Whether the check must see all of {@code table} at once (it counts across rows): the build's audit then reads
     * the table in one unit instead of one unit per part.
     */
    default boolean needsWholeTable(TableDef table) {
        return false;
    }

    void check(AuditedRow row, AuditContext ctx, Findings findings);

    /** Called after the last row of a table the check covers. */
    default void tableDone(TableDef table, long rows, String file, AuditContext ctx, Findings findings) {
    }
}
