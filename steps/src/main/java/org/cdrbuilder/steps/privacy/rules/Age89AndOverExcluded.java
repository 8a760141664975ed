package org.cdrbuilder.steps.privacy.rules;

import java.time.Period;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.PrivacyTables;

import com.google.auto.service.AutoService;

/** Very old participants are few and therefore identifiable: tiers may exclude them (profile: exclude_age_at_least). */
@AutoService(CleaningRule.class)
public final class Age89AndOverExcluded implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("age_89_and_over_excluded",
            "Excludes participants aged 89 or more at the cutoff (every row, Fitbit included) where the tier profile "
                    + "says so (registered).", PrivacyTables.PERSON_ROWS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.excludeAgeAtLeast > 0;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON; // decided from the person alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        int limit = ctx.tier().profile().excludeAgeAtLeast;
        if (limit <= 0) {
            return Verdict.KEEP;
        }
        Participant p = ctx.registry().get((Long) row.get("person_id"));
        if (p == null || p.birthDate() == null) {
            return Verdict.KEEP;
        }
        return Period.between(p.birthDate(), ctx.cutoff()).getYears() >= limit
                ? Verdict.remove("participant aged " + limit + " or more at the cutoff") : Verdict.KEEP;
    }
}
