package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/**
 * A Fitbit account syncs history from before the participant joined; only data from the primary consent on is
 * shared. (The window's end, withdrawal or deactivation, is the business of the participant-level rules.)
 */
@AutoService(CleaningRule.class)
public final class FitbitOutsideConsentWindow implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("fitbit_outside_consent_window",
            "Removes Fitbit rows (every wearables table) dated before the participant's primary consent.",
            CdrSchema.get().tables(TableGroup.WEARABLES).stream().map(TableDef::name).sorted().toList(),
            "data_after_deactivation");

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
        Long person = (Long) row.get("person_id");
        Participant p = person == null ? null : ctx.registry().get(person);
        LocalDate day = EventDates.of(row);
        if (p == null || p.primaryConsentDate() == null || day == null) {
            return Verdict.KEEP;
        }
        return day.isBefore(p.primaryConsentDate()) ? Verdict.remove("dated before the participant's primary consent")
                : Verdict.KEEP;
    }
}
