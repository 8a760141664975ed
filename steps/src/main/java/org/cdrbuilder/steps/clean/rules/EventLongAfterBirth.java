package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** Nobody is older than the maximum age: an event dated later than that after birth has a wrong date. */
@AutoService(CleaningRule.class)
public final class EventLongAfterBirth implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("event_long_after_birth",
            "Removes rows dated more than the maximum age (150 years) after the participant's birth date; rows "
                    + "dated on the 150th birthday stay.",
            EventDates.EVENT_TABLES, List.of("birth_year_implausible", "data_after_deactivation"), Set.of(),
            List.of("cdr_cleaner NegativeAges (DC-811, DC-393)"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON_DAY; // decided from the person and the event day alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Participant p = ctx.registry().get((Long) row.get("person_id"));
        LocalDate d = EventDates.of(row);
        if (p == null || p.birthDate() == null || d == null) {
            return Verdict.KEEP;
        }
        LocalDate oldest = p.birthDate().plusYears(ctx.parameters().maximumAgeYears);
        return d.isAfter(oldest) ? Verdict.remove("dated more than the maximum age after the participant's birth")
                : Verdict.KEEP;
    }
}
