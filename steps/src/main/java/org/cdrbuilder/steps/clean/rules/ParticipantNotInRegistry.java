package org.cdrbuilder.steps.clean.rules;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** Rows of people the participant registry does not know (sites send data of non-participants too). */
@AutoService(CleaningRule.class)
public final class ParticipantNotInRegistry implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("participant_not_in_registry",
            "Removes rows of people who are not in the participant registry.", EventDates.PERSON_TABLES);

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
        Long person = (Long) row.get("person_id");
        return person != null && ctx.registry().get(person) != null ? Verdict.KEEP
                : Verdict.remove("person is not in the participant registry");
    }
}
