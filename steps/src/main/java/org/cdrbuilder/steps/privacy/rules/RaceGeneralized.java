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
 * Race answers (profile: generalize.race): several races in a response become one "More than one population"
 * answer; a single American Indian or Alaska Native, Middle Eastern or North African, or Native Hawaiian or Pacific
 * Islander answer becomes "Another single population". The person's race follows, and a person with no race
 * becomes "None Indicated".
 */
@AutoService(CleaningRule.class)
public final class RaceGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("race_generalized",
            "Generalizes race: several races -> More than one population; AIAN, MENA or NHPI alone -> Another single "
                    + "population; no race -> None Indicated (answers and person).", List.of("observation", "person"),
            "zip_code_generalized");

    private volatile SurveyAnswers answers;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return Generalizer.ANSWER_COLUMNS.or(ChangedColumns.named("person.race_concept_id"));
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.generalize.race;
    }

    @Override
    public void prepare(RuleContext ctx) {
        if (ctx.tier().profile().generalize.race) {
            GeneralizationConfig.Race race = ctx.tier().generalization().race;
            answers = SurveyAnswers.of(ctx, "races", Set.of(race.question), race.races::contains);
        }
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!ctx.tier().profile().generalize.race) {
            return Verdict.KEEP;
        }
        GeneralizationConfig.Race race = ctx.tier().generalization().race;
        if (row.table().name().equals("person")) {
            int c = row.getIntOrZero(row.table().indexOf("race_concept_id"));
            if (race.personRare.contains(c)) {
                return Verdict.change("rare single race generalized", r -> r.set("race_concept_id", race.rareSingle.concept));
            }
            if (c == 0) {
                return Verdict.change("no race indicated", r -> r.set("race_concept_id", race.personNone));
            }
            return Verdict.KEEP;
        }
        if (!Generalizer.answers(row, race.question) || !race.races.contains((String) row.get("value_source_value"))) {
            return Verdict.KEEP;
        }
        SurveyAnswers.Answer a = answers.response(race.question, (Long) row.get("questionnaire_response_id"));
        if (a != null && a.codes.size() > 1) {
            return Generalizer.collapse(row, a, race.multiple, "several races generalized");
        }
        if (race.rare.contains((String) row.get("value_source_value"))) {
            return Verdict.change("rare single race generalized", r -> Generalizer.setAnswer(r, race.rareSingle));
        }
        return Verdict.KEEP;
    }
}
