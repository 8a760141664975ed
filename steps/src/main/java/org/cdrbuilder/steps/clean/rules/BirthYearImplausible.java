package org.cdrbuilder.steps.clean.rules;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** A birth year before the earliest plausible one or after the cutoff makes every date of the participant suspect. */
@AutoService(CleaningRule.class)
public final class BirthYearImplausible implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("birth_year_implausible",
            "Removes every row of participants born before 1900 or after the release cutoff.",
            EventDates.PERSON_TABLES, "withdrawn_participants");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON; // decided from the person alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Participant p = ctx.registry().get((Long) row.get("person_id"));
        if (p == null || p.birthDate() == null) {
            return Verdict.KEEP;
        }
        int year = p.birthDate().getYear();
        return year >= ctx.parameters().earliestBirthYear() && !p.birthDate().isAfter(ctx.cutoff()) ? Verdict.KEEP
                : Verdict.remove("birth year is implausible");
    }
}
