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

import com.google.auto.service.AutoService;

/**
 * Participants joined after the program started, so a death before that is a wrong date; a death after the cutoff
 * is in the future of the release. The rules that use death dates (duplicates, data long after death) use
 * {@link #plausible} so that they ignore the deaths this rule removes.
 */
@AutoService(CleaningRule.class)
public final class DeathDateImplausible implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("death_date_implausible",
            "Removes deaths dated before the program start (2017-01-01) or after the release cutoff date; deaths "
                    + "on either day stay.",
            List.of("death"), List.of("data_after_cutoff"), Set.of(),
            List.of("cdr_cleaner ValidDeathDates (DC-431, DC-822)"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        LocalDate d = (LocalDate) row.get("death_date");
        return d == null || plausible(d, ctx) ? Verdict.KEEP
                : Verdict.remove("death dated before the program start or after the release cutoff");
    }

    /** Whether a death date is within the program: on or after its start, on or before the cutoff. */
    static boolean plausible(LocalDate deathDate, RuleContext ctx) {
        return !deathDate.isBefore(ctx.parameters().programStart) && !deathDate.isAfter(ctx.cutoff());
    }
}
