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

/** The program enrols adults: people younger than the minimum age at their primary consent are removed. */
@AutoService(CleaningRule.class)
public final class Under18AtConsent implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("under_18_at_consent",
            "Removes every row of participants younger than the minimum age (18) at their primary consent.",
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
        if (p == null || p.primaryConsentDate() == null || p.birthDate() == null) {
            return Verdict.KEEP;
        }
        boolean adult = !p.birthDate().plusYears(ctx.parameters().minimumAgeAtConsent()).isAfter(p.primaryConsentDate());
        return adult ? Verdict.KEEP : Verdict.remove("participant was under the minimum age at primary consent");
    }
}
