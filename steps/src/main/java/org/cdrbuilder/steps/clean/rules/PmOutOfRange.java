package org.cdrbuilder.steps.clean.rules;

import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/** Heights, weights and BMIs outside what a human body can measure are entry errors; they leave the release. */
@AutoService(CleaningRule.class)
public final class PmOutOfRange implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("pm_out_of_range",
            "Removes physical-measurement heights, weights and BMIs outside their plausible ranges (height_cm, "
                    + "weight_kg, bmi in rules.yaml; program defaults 90-228 cm, 30-250 kg, 10-125).",
            List.of("measurement"), "data_after_deactivation");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        BodyMeasurement kind = BodyMeasurement.of(row);
        return kind == null || kind.plausible(row, ctx.parameters()) ? Verdict.KEEP
                : Verdict.remove(kind.code() + " outside the plausible range");
    }
}
