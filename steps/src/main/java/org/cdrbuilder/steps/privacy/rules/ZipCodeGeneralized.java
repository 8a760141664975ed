package org.cdrbuilder.steps.privacy.rules;

import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.Generalizer;

import com.google.auto.service.AutoService;

/** ZIP code answers are removed (registered) or cut to their first three digits (controlled) (profile: zip_code). */
@AutoService(CleaningRule.class)
public final class ZipCodeGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("zip_code_generalized",
            "Removes ZIP code answers, or keeps only their first three digits, as the tier profile says.",
            List.of("observation"), "sensitive_concepts_suppressed");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("observation.value_as_string");
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!Generalizer.answers(row, ctx.tier().generalization().zip.question)) {
            return Verdict.KEEP;
        }
        if (ctx.tier().profile().zipCode.equals("remove")) {
            return Verdict.remove("ZIP code answers are removed in this tier");
        }
        return Verdict.change("ZIP code cut to three digits", r -> {
            String zip = (String) r.get("value_as_string");
            String t = zip == null ? "" : zip.trim();
            r.set("value_as_string", t.matches("[0-9]{5}(-?[0-9]{4})?") ? t.substring(0, 3) : null);
        });
    }
}
