package org.cdrbuilder.steps.privacy.rules;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.PrivacyTables;

import com.google.auto.service.AutoService;

/**
 * Participant numbers are replaced by research ids (keyed HMAC, kept in the private mapping store so that a
 * continuing participant keeps theirs). Runs last: every other privacy rule still sees participant numbers.
 */
@AutoService(CleaningRule.class)
public final class ResearchIdsAssigned implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("research_ids_assigned",
            "Replaces person ids by research ids, stable across releases and not derivable without the key.",
            PrivacyTables.PERSON_ROWS, "dates_shifted");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("person_id");
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        long number = (Long) row.get("person_id");
        long research = ctx.tier().keys().researchId(number);
        if (research < 0) {
            throw new IllegalStateException("participant without a research id in the mapping store");
        }
        return Verdict.change("research id", r -> r.set("person_id", research));
    }
}
