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

/**
 * Gender identity (profile: generalize.gender_identity): anything but a single "man" or "woman" answer that agrees
 * with the participant's sex at birth (several answers, other identities, skip, prefer not to answer) becomes one
 * generalized answer, and the person's gender follows.
 */
@AutoService(CleaningRule.class)
public final class GenderIdentityGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("gender_identity_generalized",
            "Generalizes gender identity unless it is a single man or woman answer matching sex at birth (answers "
                    + "and person).", List.of("observation", "person"), "race_generalized");

    private volatile SurveyAnswers answers;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return Generalizer.ANSWER_COLUMNS.or(ChangedColumns.named("person.gender_concept_id"));
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.generalize.genderIdentity;
    }

    @Override
    public void prepare(RuleContext ctx) {
        if (ctx.tier().profile().generalize.genderIdentity) {
            GeneralizationConfig g = ctx.tier().generalization();
            answers = SurveyAnswers.of(ctx, Set.of(g.genderIdentity.question, g.sexAtBirth.question));
        }
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!ctx.tier().profile().generalize.genderIdentity) {
            return Verdict.KEEP;
        }
        GeneralizationConfig g = ctx.tier().generalization();
        GeneralizationConfig.Kept gi = g.genderIdentity;
        long person = (Long) row.get("person_id");
        if (row.table().name().equals("person")) {
            Set<String> latest = answers.latest(gi.question, person);
            return !latest.isEmpty() && generalize(latest, person, g)
                    ? Verdict.change("gender identity generalized", r -> r.set("gender_concept_id", gi.generalized.concept))
                    : Verdict.KEEP;
        }
        if (!Generalizer.answers(row, gi.question)) {
            return Verdict.KEEP;
        }
        SurveyAnswers.Answer a = answers.response(gi.question, (Long) row.get("questionnaire_response_id"));
        Set<String> codes = a == null ? Set.of(String.valueOf(row.get("value_source_value"))) : a.codes;
        return generalize(codes, person, g) ? Generalizer.collapse(row, a, gi.generalized, "gender identity generalized")
                : Verdict.KEEP;
    }

    private boolean generalize(Set<String> codes, long person, GeneralizationConfig g) {
        if (codes.size() != 1) {
            return true;
        }
        String code = codes.iterator().next();
        if (!g.genderIdentity.kept.contains(code)) {
            return true;
        }
        String expectedSex = g.genderIdentity.matchesSexAtBirth.get(code);
        Set<String> sex = answers.latest(g.sexAtBirth.question, person);
        return expectedSex != null && !sex.isEmpty() && !(sex.size() == 1 && sex.contains(expectedSex));
    }
}
