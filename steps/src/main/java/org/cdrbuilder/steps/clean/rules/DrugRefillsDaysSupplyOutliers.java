package org.cdrbuilder.steps.clean.rules;

import java.util.List;
import java.util.Set;

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
 * Refill counts and days of supply that large are entry errors (a quantity typed into the wrong field); the exposure
 * itself is real, so the row stays and only the implausible value is emptied.
 */
@AutoService(CleaningRule.class)
public final class DrugRefillsDaysSupplyOutliers implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("drug_refills_days_supply_outliers",
            "Empties refills of drug exposures with 10 refills or more, and days_supply of those with 180 days of "
                    + "supply or more; the rows stay.",
            List.of("drug_exposure"),
            List.of("data_after_cutoff", "ehr_date_floor", "event_before_birth", "event_long_after_birth",
                    "event_long_after_death"),
            Set.of(), List.of("cdr_cleaner DrugRefillsDaysSupply"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("drug_exposure.refills", "drug_exposure.days_supply");
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        RuleParameters p = ctx.parameters();
        Integer refills = (Integer) row.get("refills");
        Integer daysSupply = (Integer) row.get("days_supply");
        boolean refillsOut = refills != null && refills >= p.maximumRefills;
        boolean daysOut = daysSupply != null && daysSupply >= p.maximumDaysSupply;
        if (!refillsOut && !daysOut) {
            return Verdict.KEEP;
        }
        String reason = refillsOut && daysOut ? "refills and days supply at or above their maximums: both emptied"
                : refillsOut ? "refills at or above the maximum: emptied" : "days supply at or above the maximum: emptied";
        return Verdict.change(reason, r -> {
            if (refillsOut) {
                r.set("refills", null);
            }
            if (daysOut) {
                r.set("days_supply", null);
            }
        });
    }
}
