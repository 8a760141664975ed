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

/** A participant who withdrew is removed entirely, whatever the dates of their data. */
@AutoService(CleaningRule.class)
public final class WithdrawnParticipants implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("withdrawn_participants",
            "Removes every row of participants who withdrew from the program.", EventDates.PERSON_TABLES,
            "no_primary_consent");

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
        return p == null || !p.withdrawn() ? Verdict.KEEP : Verdict.remove("participant withdrew");
    }
}
