package org.cdrbuilder.steps.audit.checks;

import java.time.LocalDate;
import java.time.Period;

import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * Participants at or above the tier's age limit at the cutoff have no rows at all. From the release alone: no year
 * of birth that makes a person certainly too old; with the registry and the key: no row of anyone too old.
 */
public final class AgeLimit implements AuditCheck {
    @Override
    public String id() {
        return "age_limit";
    }

    @Override
    public String description() {
        return "No rows of participants aged at or above the tier's limit (89) at the cutoff.";
    }

    @Override
    public String skipReason(AuditContext ctx) {
        return ctx.profile().excludeAgeAtLeast <= 0 ? "the tier has no age limit" : null;
    }

    private long lastParticipant = Long.MIN_VALUE;
    private boolean lastTooOld;

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        int limit = ctx.profile().excludeAgeAtLeast;
        if (r.table().name().equals("person") && r.row().get("year_of_birth") instanceof Integer y
                && ctx.cutoff().getYear() - y - 1 >= limit) {
            r.report(findings, "year_of_birth", "participant aged " + limit + " or more at the cutoff");
            return;
        }
        if (r.participant() < 0 || ctx.registry() == null) {
            return;
        }
        if (r.participant() != lastParticipant) {
            // rows come in runs of one participant: decide once per run
            lastParticipant = r.participant();
            LocalDate birth = ctx.registry().birthDate(r.participant());
            lastTooOld = birth != null && Period.between(birth, ctx.cutoff()).getYears() >= limit;
        }
        if (lastTooOld) {
            r.report(findings, "person_id", "row of a participant aged " + limit + " or more at the cutoff");
        }
    }
}
