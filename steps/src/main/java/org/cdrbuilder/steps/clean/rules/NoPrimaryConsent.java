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

/** Registered people who never gave the primary consent are not participants yet: nothing of theirs is released. */
@AutoService(CleaningRule.class)
public final class NoPrimaryConsent implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("no_primary_consent",
            "Removes every row of registered people without a primary consent.", EventDates.PERSON_TABLES,
            "participant_not_in_registry");

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
        return p == null || p.hasPrimaryConsent() ? Verdict.KEEP
                : Verdict.remove("participant has no primary consent");
    }
}
