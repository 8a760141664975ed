package org.cdrbuilder.steps.privacy.rules;

import java.util.List;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/** Notes (free text), addresses and staff tables are published empty in every tier (profile: empty_tables). */
@AutoService(CleaningRule.class)
public final class TablesPublishedEmpty implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("tables_published_empty",
            "Removes every row of the tables the tier publishes empty (note, location, provider, care_site).",
            List.of("note", "location", "provider", "care_site"), "age_89_and_over_excluded");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.emptyTables.contains(table);
    }

    @Override
    public Scope scope() {
        return Scope.PERSON; // decided from the person alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        return ctx.tier().profile().emptyTables.contains(row.table().name())
                ? Verdict.remove("table is published empty in this tier") : Verdict.KEEP;
    }
}
