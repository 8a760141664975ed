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
import org.cdrbuilder.steps.ingest.InputValidation;

import com.google.auto.service.AutoService;

/**
 * The share of one input file's rows that were quarantined (files of every source but the registry, which has its
 * own check). A file with fewer rows than {@code accounting_min_rows} is not judged alone: its rows still count in
 * its source's share.
 */
@AutoService(AccountingCheck.class)
public final class FileRowsQuarantined implements AccountingCheck {
    static final CheckType TYPE = new CheckType("fileRowsQuarantined", CheckLevel.TABLE, CheckCategory.CONFORMANCE,
            "", "Verification", "Share of the rows of one @cdmTableName input file quarantined; main reasons: @reasons");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        for (InputValidation.Source s : facts.validation().sources) {
            if ("registry".equals(s.kind)) {
                continue;
            }
            for (InputValidation.FileResult f : s.files) {
                if (f.rowsRead < Math.max(1, settings.accountingMinRows)) {
                    continue;
                }
                String table = f.table == null ? s.kind : f.table;
                out.add(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), table), f.file, f.rowsQuarantined,
                        f.rowsRead, thresholds, Map.of("reasons", Reasons.top(f.reasons)),
                        Reasons.examples(f, settings.examples)));
            }
        }
        return out;
    }
}
