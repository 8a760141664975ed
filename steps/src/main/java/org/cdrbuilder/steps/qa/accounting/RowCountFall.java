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
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;

import com.google.auto.service.AutoService;

/**
 * A table that lost a large share of its rows since the previous release of the tier: nightly releases grow, and a
 * sudden fall means a site's submission, a source or a participant group went missing. Tables that had fewer rows
 * than {@code accounting_min_rows} are not judged (a few deaths more or less are no loss of data).
 */
@AutoService(AccountingCheck.class)
public final class RowCountFall implements AccountingCheck {
    static final CheckType TYPE = new CheckType("rowCountFall", CheckLevel.TABLE, CheckCategory.COMPLETENESS,
            "", "Validation", "Share of @cdmTableName rows of the previous release (@previous) that this release no "
            + "longer has (@current now)");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        ReleaseComparison c = facts.comparison();
        if (c == null) {
            return List.of();
        }
        List<CheckResult> out = new ArrayList<>();
        for (ReleaseComparison.Change ch : c.rows) {
            if (ch.previous < Math.max(1, settings.accountingMinRows)) {
                continue;
            }
            out.add(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), ch.name), ch.name + " since " + c.previous,
                    Math.max(0, ch.previous - ch.current), ch.previous, thresholds,
                    Map.of("previous", Long.toString(ch.previous), "current", Long.toString(ch.current)), List.of()));
        }
        return out;
    }
}
