package org.cdrbuilder.steps.clean.rules;

import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/** Fitbit defines the sleep levels of its classic and stages logs; a level outside that set is not interpretable. */
@AutoService(CleaningRule.class)
public final class FitbitSleepLevelsKnown implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("fitbit_sleep_levels_known",
            "Removes sleep_level rows whose level is not one Fitbit defines (fitbit_sleep_levels: asleep, restless, "
                    + "awake, deep, light, rem, wake).",
            List.of("sleep_level"), "data_after_deactivation");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        String level = (String) row.get("level");
        return level != null && ctx.parameters().fitbitSleepLevels.contains(level) ? Verdict.KEEP
                : Verdict.remove("sleep level is not one Fitbit defines");
    }
}
