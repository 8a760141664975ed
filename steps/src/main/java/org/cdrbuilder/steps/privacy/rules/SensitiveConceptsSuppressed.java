package org.cdrbuilder.steps.privacy.rules;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;
import org.cdrbuilder.steps.privacy.SuppressionList;

import com.carrotsearch.hppc.IntHashSet;
import com.google.auto.service.AutoService;

/**
 * Rows about sensitive events (vehicle accidents, assault, birth details...) are suppressed. The tier's list
 * ({@code suppressed_concepts}, CSV {@code vocabulary_id,code_pattern,concept_id,reason}) names concepts by id or by a
 * code pattern within a vocabulary; a row goes when any of its concept columns holds one of them.
 */
@AutoService(CleaningRule.class)
public final class SensitiveConceptsSuppressed implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("sensitive_concepts_suppressed",
            "Removes rows whose concepts are on the tier's suppression list (by concept id or by code pattern, e.g. "
                    + "ICD transport-accident, assault and perinatal codes).", EventDates.EVENT_TABLES,
            "tables_published_empty");

    private volatile IntHashSet suppressed;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Where the profile names suppressed concepts, on tables with concept columns. */
    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.suppressedConcepts != null && !profile.suppressedConcepts.isBlank()
                && org.cdrbuilder.schema.CdrSchema.get().findTable(table)
                        .map(t -> t.columns().stream().anyMatch(org.cdrbuilder.schema.ColumnDef::isConceptId)).orElse(false);
    }

    @Override
    public void prepare(RuleContext ctx) {
        String file = ctx.tier().profile().suppressedConcepts;
        suppressed = file == null || file.isBlank() ? new IntHashSet()
                : SuppressionList.conceptIds(ctx.tier().profile().resolve(file),
                        (columns, action) -> ctx.forEachRow("concept", columns, action));
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        org.cdrbuilder.schema.TableDef t = row.table();
        for (int k = 0; k < t.conceptIdColumnCount(); k++) {
            if (row.get(t.conceptIdColumn(k)) instanceof Integer c && c != 0 && suppressed.contains(c)) {
                return Verdict.remove("concept is on the tier's suppression list");
            }
        }
        return Verdict.KEEP;
    }
}
