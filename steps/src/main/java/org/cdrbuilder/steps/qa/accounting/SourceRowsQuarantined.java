package org.cdrbuilder.steps.qa.accounting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.steps.ingest.InputValidation;

import com.google.auto.service.AutoService;

/**
 * The share of one source's rows that were quarantined: a site's EHR submission, the surveys, the physical
 * measurements, the Fitbit exports or the vocabulary, each as a whole. The result names the source, as the release
 * names it (sites by their masked label).
 */
@AutoService(AccountingCheck.class)
public final class SourceRowsQuarantined implements AccountingCheck {
    static final CheckType TYPE = new CheckType("sourceRowsQuarantined", CheckLevel.TABLE, CheckCategory.CONFORMANCE,
            "", "Verification", "Share of the rows of one source (@cdmTableName) quarantined; main reasons: @reasons");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        for (InputValidation.Source s : facts.validation().sources) {
            if ("registry".equals(s.kind) || s.rowsRead == 0) {
                continue;
            }
            Map<String, Long> reasons = new LinkedHashMap<>();
            List<Map<String, Object>> examples = new ArrayList<>();
            for (InputValidation.FileResult f : s.files) {
                f.reasons.forEach((r, n) -> reasons.merge(r, n, Long::sum));
                for (Map<String, Object> e : Reasons.examples(f, settings.examples)) {
                    if (examples.size() < settings.examples) {
                        examples.add(e);
                    }
                }
            }
            out.add(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), s.kind), AccountingFacts.sourceName(s),
                    s.rowsQuarantined, s.rowsRead, thresholds, Map.of("reasons", Reasons.top(reasons)), examples));
        }
        return out;
    }
}
