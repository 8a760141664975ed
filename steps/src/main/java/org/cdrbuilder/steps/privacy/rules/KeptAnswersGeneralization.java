package org.cdrbuilder.steps.privacy.rules;

import java.util.Set;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.Generalizer;
import org.cdrbuilder.steps.privacy.SurveyAnswers;

/**
 * The generalization of a question where only some answers are kept (sexual orientation, sex at birth): a response
 * whose answers are not exactly one kept answer gets one generalized answer instead.
 */
final class KeptAnswersGeneralization {
    private KeptAnswersGeneralization() {
    }

    static Verdict check(Row row, GeneralizationConfig.Kept config, SurveyAnswers answers, String reason) {
        if (!Generalizer.answers(row, config.question)) {
            return Verdict.KEEP;
        }
        SurveyAnswers.Answer a = answers.response(config.question, (Long) row.get("questionnaire_response_id"));
        Set<String> codes = a == null ? Set.of(String.valueOf(row.get("value_source_value"))) : a.codes;
        boolean keep = codes.size() == 1 && config.kept.contains(codes.iterator().next());
        return keep ? Verdict.KEEP : Generalizer.collapse(row, a, config.generalized, reason);
    }

    static SurveyAnswers prepare(RuleContext ctx, GeneralizationConfig.Kept config) {
        return SurveyAnswers.of(ctx, Set.of(config.question));
    }
}
