package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** The release is a snapshot as of its cutoff: what happened later belongs to a later release, whatever its source. */
@AutoService(CleaningRule.class)
public final class DataAfterCutoff implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("data_after_cutoff",
            "Removes rows dated after the release cutoff date, from every source (EHR, surveys, physical "
                    + "measurements, wearables); rows dated on the cutoff day stay.",
            EventDates.EVENT_TABLES, List.of("data_after_deactivation"), Set.of(),
            List.of("cdr_cleaner EhrSubmissionDataCutoff", "cdr_cleaner TruncateRdrData"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON_DAY; // decided from the person and the event day alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        LocalDate d = EventDates.of(row);
        return d == null || !d.isAfter(ctx.cutoff()) ? Verdict.KEEP : Verdict.remove("dated after the release cutoff");
    }
}
