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

/** An event before the participant was born (a negative age) is a wrong date or a row of someone else. */
@AutoService(CleaningRule.class)
public final class EventBeforeBirth implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("event_before_birth",
            "Removes rows dated before the participant's birth date (from the participant registry); rows dated on "
                    + "the birth date stay. The person table is not affected.",
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
        return d.isBefore(p.birthDate()) ? Verdict.remove("dated before the participant's birth") : Verdict.KEEP;
    }
}
