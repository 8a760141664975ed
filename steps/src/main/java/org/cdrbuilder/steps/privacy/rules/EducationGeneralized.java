package org.cdrbuilder.steps.privacy.rules;

import java.util.List;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.Generalizer;

import com.google.auto.service.AutoService;

/** Education (profile: generalize.education): no high-school degree, and college or more, become one answer each. */
@AutoService(CleaningRule.class)
public final class EducationGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("education_generalized",
            "Generalizes the highest grade to 'less than high school' and 'college graduate or more'.",
            List.of("observation"), "sex_at_birth_generalized");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return Generalizer.ANSWER_COLUMNS;
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.generalize.education;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        return !ctx.tier().profile().generalize.education ? Verdict.KEEP
                : GroupedAnswersGeneralization.check(row, ctx.tier().generalization().education, "education generalized");
    }
}
