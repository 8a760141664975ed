package org.cdrbuilder.steps.qa.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;

import com.google.auto.service.AutoService;

/**
 * The share of one source's rows of a table that one cleaning rule removed. Rules remove rows for good reasons, but
 * not most of a site's table: a site whose person ids are not the registry's participant numbers loses everything to
 * {@code participant_not_in_registry}, and dates read in the wrong format lose everything to the date rules. The
 * rule is the check's field, so that {@code thresholds.csv} sets a limit per rule. Tables with fewer rows than
 * {@code accounting_min_rows} are not judged.
 */
@AutoService(AccountingCheck.class)
public final class SourceRowsRemoved implements AccountingCheck {
    static final CheckType TYPE = new CheckType("sourceRowsRemoved", CheckLevel.FIELD, CheckCategory.COMPLETENESS,
            "", "Verification", "Share of one source's @cdmTableName rows removed by the cleaning rule @cdmFieldName");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        for (AccountingFacts.SourceRemovals s : facts.removals()) {
            if (s.rows() < Math.max(1, settings.accountingMinRows)) {
                continue;
            }
            new java.util.TreeMap<>(s.removedByRule()).forEach((rule, n) -> out.add(AccountingResults.result(TYPE,
                    CheckKey.field(TYPE.name(), s.table(), rule), s.source() + " " + s.table(), n, s.rows(),
                    thresholds, Map.of(), List.of())));
        }
        return out;
    }
}
