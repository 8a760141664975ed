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
import org.cdrbuilder.steps.privacy.SurveyAnswers;

import com.google.auto.service.AutoService;

/** Sexual orientation (profile: generalize.sexual_orientation): anything but a single "straight" answer is generalized. */
@AutoService(CleaningRule.class)
public final class SexualOrientationGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("sexual_orientation_generalized",
            "Generalizes sexual orientation unless it is a single straight answer.", List.of("observation"),
            "gender_identity_generalized");

    private volatile SurveyAnswers answers;

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
        return profile.generalize.sexualOrientation;
    }

    @Override
    public void prepare(RuleContext ctx) {
        if (ctx.tier().profile().generalize.sexualOrientation) {
            answers = KeptAnswersGeneralization.prepare(ctx, ctx.tier().generalization().sexualOrientation);
        }
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        return !ctx.tier().profile().generalize.sexualOrientation ? Verdict.KEEP
                : KeptAnswersGeneralization.check(row, ctx.tier().generalization().sexualOrientation, answers,
                "sexual orientation generalized");
    }
}
