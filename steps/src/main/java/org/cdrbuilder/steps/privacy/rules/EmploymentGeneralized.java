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

/** Employment (profile: generalize.employment): employed and not employed answers become one answer each. */
@AutoService(CleaningRule.class)
public final class EmploymentGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("employment_generalized",
            "Generalizes employment status to 'employed' and 'not employed'.", List.of("observation"),
            "education_generalized");

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
        return profile.generalize.employment;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        return !ctx.tier().profile().generalize.employment ? Verdict.KEEP
                : GroupedAnswersGeneralization.check(row, ctx.tier().generalization().employment, "employment generalized");
    }
}
