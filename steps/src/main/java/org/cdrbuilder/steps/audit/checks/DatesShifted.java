package org.cdrbuilder.steps.audit.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * In a tier that shifts dates, every date and datetime of a participant's row is the date it was made from minus
 * the participant's shift: never equal to the unshifted date, never shifted by another amount. Reads each published
 * row in step with the row it came from.
 */
public final class DatesShifted implements AuditCheck {
    @Override
    public String id() {
        return "dates_shifted";
    }

    @Override
    public String description() {
        return "Every date and datetime equals its unshifted source minus the participant's shift (shifted tiers).";
    }

    @Override
    public String skipReason(AuditContext ctx) {
        if (!ctx.profile().shiftDates) {
            return "the tier does not shift dates";
        }
        if (ctx.keys() == null) {
            return "needs the privacy key and mapping store (--key-file, --private)";
        }
        return ctx.sources() == null ? "needs the build's work files (--work)" : null;
    }

    @Override
    public boolean covers(TableDef table, AuditContext ctx) {
        return needsSource(table);
    }

    /** Tables whose rows belong to a participant and carry dates. */
    public static boolean needsSource(TableDef table) {
        if (!table.hasColumn("person_id") || !table.group().published()
                || table.group() == org.cdrbuilder.schema.TableGroup.VOCABULARY) {
            return false;
        }
        for (ColumnDef c : table.columns()) {
            if (c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        if (r.source() == null) {
            r.report(findings, "", "no source row to compare with (row order differs from the build's)");
            return;
        }
        int shift = r.participant() < 0 ? 0 : ctx.keys().shiftDays(r.participant());
        if (shift == 0) {
            return; // the research-id check reports rows without a participant
        }
        for (int i = 0; i < r.table().columnCount(); i++) {
            ColumnDef c = r.table().column(i);
            if (c.type() != ColumnType.DATE && c.type() != ColumnType.TIMESTAMP) {
                continue;
            }
            Object pub = r.row().get(i);
            Object src = r.source().get(c.name());
            if (pub == null) {
                continue;
            }
            if (pub.equals(src)) {
                r.report(findings, c.name(), "date equal to its unshifted source");
            } else if (src == null || !shiftedBy(pub, src, shift)) {
                r.report(findings, c.name(), "date not shifted by the participant's shift");
            }
        }
    }

    // The day a source day becomes, kept for the next row: a participant's rows come in runs of the same day.
    private LocalDate lastSource;
    private int lastShift;
    private LocalDate lastShifted;

    /** Whether {@code pub} is {@code src} moved back by {@code days} (same time of day for datetimes). */
    private boolean shiftedBy(Object pub, Object src, int days) {
        if (pub instanceof LocalDate p && src instanceof LocalDate s) {
            return p.equals(minus(s, days));
        }
        if (pub instanceof LocalDateTime p && src instanceof LocalDateTime s) {
            return p.toLocalTime().equals(s.toLocalTime()) && p.toLocalDate().equals(minus(s.toLocalDate(), days));
        }
        return pub.equals(src);
    }

    private LocalDate minus(LocalDate d, int days) {
        if (d != lastSource || days != lastShift) {
            lastSource = d;
            lastShift = days;
            lastShifted = d.minusDays(days);
        }
        return lastShifted;
    }
}
