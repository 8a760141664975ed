package org.cdrbuilder.steps.audit.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * Only the year of birth is released: the person table has no month, day or datetime of birth, and no date of a
 * participant's rows publishes their exact date of birth. In a tier that shifts dates, a published date equal to the
 * birth date is a leak only when it is the unshifted source date (compared with the row it came from): a date
 * k days after birth, shifted back by a shift of k days, lands on the birth date by coincidence and reveals nothing.
 * In a tier with real dates, any date equal to the birth date is a leak unless the tier's policy publishes events on
 * the birth date ({@code birth_date_events: publish}).
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

    private long lastParticipant = Long.MIN_VALUE;
    private LocalDate lastBirth;

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
        boolean shifted = ctx.profile().shiftDates;
        if (shifted && r.source() == null) {
            return; // without the source row a coincidence cannot be told from a leak; dates_shifted says so
        }
        if (!shifted && !ctx.profile().suppressBirthDateEvents()) {
            return; // the tier's policy publishes events on the birth date
        }
        if (r.participant() != lastParticipant) {
            lastParticipant = r.participant(); // rows come in runs of one participant
            lastBirth = ctx.registry().birthDate(r.participant());
        }
        LocalDate birth = lastBirth;
        if (birth == null) {
            return;
        }
        for (int i = 0; i < t.columnCount(); i++) {
            LocalDate d = asDate(r.row().get(i));
            if (d == null || !d.equals(birth)) {
                continue;
            }
            if (!shifted) {
                r.report(findings, t.column(i).name(), "the participant's date of birth (policy: suppress)");
            } else if (birth.equals(asDate(r.source().get(t.column(i).name())))) {
                r.report(findings, t.column(i).name(), "the participant's date of birth, not shifted");
            }
        }
    }

    private static LocalDate asDate(Object v) {
        return v instanceof LocalDate ld ? ld : v instanceof LocalDateTime ldt ? ldt.toLocalDate() : null;
    }
}
