package org.cdrbuilder.steps.audit.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * Only the year of birth is released: the person table has no month, day or datetime of birth, and (with the
 * registry and the key) no date of a participant's rows is their exact date of birth, shifted or not.
 */
public final class BirthDateYearOnly implements AuditCheck {
    private static final String[] PERSON_COLUMNS = {"month_of_birth", "day_of_birth", "birth_datetime"};

    @Override
    public String id() {
        return "birth_date_year_only";
    }

    @Override
    public String description() {
        return "Year of birth only: no month or day of birth, no birth datetime, no date equal to a participant's date of birth.";
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        TableDef t = r.table();
        if (t.name().equals("person")) {
            for (String c : PERSON_COLUMNS) {
                if (t.hasColumn(c) && r.row().get(c) != null) {
                    r.report(findings, c, "month, day or datetime of birth");
                }
            }
        }
        if (r.participant() < 0 || ctx.registry() == null) {
            return;
        }
        LocalDate birth = ctx.registry().birthDate(r.participant());
        if (birth == null) {
            return;
        }
        LocalDate shifted = ctx.profile().shiftDates && ctx.keys() != null
                ? birth.minusDays(ctx.keys().shiftDays(r.participant())) : birth;
        for (int i = 0; i < t.columnCount(); i++) {
            Object v = r.row().get(i);
            LocalDate d = v instanceof LocalDate ld ? ld : v instanceof LocalDateTime ldt ? ldt.toLocalDate() : null;
            if (d != null && (d.equals(birth) || d.equals(shifted))) {
                r.report(findings, t.column(i).name(), "the participant's date of birth");
            }
        }
    }
}
