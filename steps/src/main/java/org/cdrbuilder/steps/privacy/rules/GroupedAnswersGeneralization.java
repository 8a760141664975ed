package org.cdrbuilder.steps.privacy.rules;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.Generalizer;

/** The generalization of a question whose answers fall into groups (education, employment): each answer becomes its group. */
final class GroupedAnswersGeneralization {
    private GroupedAnswersGeneralization() {
    }

    static Verdict check(Row row, GeneralizationConfig.Grouped config, String reason) {
        if (!Generalizer.answers(row, config.question)) {
            return Verdict.KEEP;
        }
        String code = (String) row.get("value_source_value");
        for (GeneralizationConfig.Group g : config.groups) {
            if (g.answers.contains(code)) {
                return Verdict.change(reason, r -> Generalizer.setAnswer(r, g.to));
            }
        }
        return Verdict.KEEP;
    }
}
