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
 * The share of the participant registry's rows that were quarantined. A registry written in conventions the reader
 * does not know loses every participant, and with them every row of every source: this check fails such a build
 * before anything is published, naming the registry file and its main quarantine reasons.
 */
@AutoService(AccountingCheck.class)
public final class RegistryRowsQuarantined implements AccountingCheck {
    static final CheckType TYPE = new CheckType("registryRowsQuarantined", CheckLevel.TABLE, CheckCategory.CONFORMANCE,
            "", "Verification", "Share of the participant registry's rows quarantined (participants lost before any "
            + "rule looked at them); main reasons: @reasons");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        for (InputValidation.Source s : facts.validation().sources) {
            if (!"registry".equals(s.kind)) {
                continue;
            }
            for (InputValidation.FileResult f : s.files) {
                out.add(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), "person"), f.file,
                        f.rowsQuarantined, f.rowsRead, thresholds, Map.of("reasons", Reasons.top(f.reasons)),
                        Reasons.examples(f, settings.examples)));
            }
        }
        return out;
    }
}
