package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** A deactivated participant's data up to the deactivation date stays; anything dated after it does not. */
@AutoService(CleaningRule.class)
public final class DataAfterDeactivation implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("data_after_deactivation",
            "Removes rows dated after the participant's deactivation date.", EventDates.EVENT_TABLES,
            "ehr_consent_required");

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
        if (p == null || p.deactivationDate() == null) {
            return Verdict.KEEP;
        }
        LocalDate d = EventDates.of(row);
        return d == null || !d.isAfter(p.deactivationDate()) ? Verdict.KEEP
                : Verdict.remove("dated after the participant's deactivation");
    }
}
