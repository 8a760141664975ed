package org.cdrbuilder.steps.clean.rules;

import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/**
 * A numeric survey answer outside its question's plausible range (people in the household, ages...) is not
 * trusted: the number goes and the answer says so with the program's "response removed" concept; the row stays so
 * that the question still counts as answered.
 */
@AutoService(CleaningRule.class)
public final class SurveyNumericOutOfRange implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("survey_numeric_out_of_range",
            "Replaces numeric survey answers outside their question's plausible range (survey_numeric_ranges) with "
                    + "the out-of-range answer concept (2000000010, AoUDRC_ResponseRemoval).",
            List.of("observation"), "survey_branching_violations");
    static final String RESPONSE_REMOVED_CODE = "AoUDRC_ResponseRemoval";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("observation.value_as_number", "observation.value_as_concept_id",
                "observation.value_source_concept_id", "observation.value_source_value");
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Double value = (Double) row.get("value_as_number");
        Integer type = (Integer) row.get("observation_type_concept_id");
        if (value == null || type == null || type != CoreAnswersBackfilled.SURVEY_OBSERVATION_TYPE) {
            return Verdict.KEEP;
        }
        RuleParameters params = ctx.parameters();
        RuleParameters.Range range = params.surveyNumericRanges.get((String) row.get("observation_source_value"));
        if (range == null || range.contains(value)) {
            return Verdict.KEEP;
        }
        int concept = params.surveyOutOfRangeConcept;
        return Verdict.change("numeric answer outside the question's plausible range", r -> r
                .set("value_as_number", null)
                .set("value_as_concept_id", concept)
                .set("value_source_concept_id", concept)
                .set("value_source_value", RESPONSE_REMOVED_CODE));
    }
}
