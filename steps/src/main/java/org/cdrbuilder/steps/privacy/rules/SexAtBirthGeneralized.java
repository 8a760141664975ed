package org.cdrbuilder.steps.privacy.rules;

import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
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

/** Sex at birth (profile: generalize.sex_at_birth): anything but a single male or female answer is generalized, in person_ext too. */
@AutoService(CleaningRule.class)
public final class SexAtBirthGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("sex_at_birth_generalized",
            "Generalizes sex at birth unless it is a single male or female answer (answers and person_ext).",
            List.of("observation", "person_ext"), "sexual_orientation_generalized");

    private volatile SurveyAnswers answers;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return Generalizer.ANSWER_COLUMNS.or(ChangedColumns.named("person_ext.sex_at_birth_concept_id",
                "person_ext.sex_at_birth_source_concept_id", "person_ext.sex_at_birth_source_value"));
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.generalize.sexAtBirth;
    }

    @Override
    public void prepare(RuleContext ctx) {
        if (ctx.tier().profile().generalize.sexAtBirth) {
            answers = KeptAnswersGeneralization.prepare(ctx, ctx.tier().generalization().sexAtBirth);
        }
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!ctx.tier().profile().generalize.sexAtBirth) {
            return Verdict.KEEP;
        }
        GeneralizationConfig.Kept config = ctx.tier().generalization().sexAtBirth;
        if (row.table().name().equals("person_ext")) {
            Set<String> latest = answers.latest(config.question, (Long) row.get("person_id"));
            boolean keep = latest.isEmpty() || (latest.size() == 1 && config.kept.contains(latest.iterator().next()));
            return keep ? Verdict.KEEP : Verdict.change("sex at birth generalized", r -> {
                r.set("sex_at_birth_concept_id", config.generalized.concept);
                r.set("sex_at_birth_source_concept_id", config.generalized.concept);
                r.set("sex_at_birth_source_value", config.generalized.code);
            });
        }
        return KeptAnswersGeneralization.check(row, config, answers, "sex at birth generalized");
    }
}
