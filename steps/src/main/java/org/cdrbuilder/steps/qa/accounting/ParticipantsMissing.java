package org.cdrbuilder.steps.qa.accounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.ledger.Ledger;
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
 * The share of the registry's participants that the tier does not publish although no named rule removed them:
 * registry rows quarantined, or persons lost without a rule (which the ledger would not reconcile). Participants
 * removed by an eligibility or privacy rule (withdrawn, under 18, aged 89 or over ...) are accounted for and do not
 * count.
 */
@AutoService(AccountingCheck.class)
public final class ParticipantsMissing implements AccountingCheck {
    static final CheckType TYPE = new CheckType("participantsMissing", CheckLevel.TABLE, CheckCategory.COMPLETENESS,
            "", "Verification", "Share of the registry's participants missing from the tier beyond those removed by "
            + "named rules (@published published, @removed removed by rules, @quarantined quarantined, "
            + "@unexplained unexplained)");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        long registry = 0;
        long quarantined = 0;
        String file = null;
        for (InputValidation.Source s : facts.validation().sources) {
            if ("registry".equals(s.kind)) {
                registry += s.rowsRead;
                quarantined += s.rowsQuarantined;
                for (InputValidation.FileResult f : s.files) {
                    file = file == null ? f.file : file + ", " + f.file;
                }
            }
        }
        if (file == null) {
            return List.of();
        }
        Ledger.Entry person = facts.ledger().tables.get("person");
        long published = person == null ? 0 : person.published;
        long removed = person == null ? 0 : removedByRules(person);
        long missing = Math.max(0, registry - published - removed);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("published", Long.toString(published));
        p.put("removed", Long.toString(removed));
        p.put("quarantined", Long.toString(quarantined));
        p.put("unexplained", Long.toString(Math.max(0, missing - quarantined)));
        return List.of(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), "person"), file, missing, registry,
                thresholds, p, List.of()));
    }

    /** Persons removed by cleaning and privacy rules (not the site person rows the registry's persons replace). */
    static long removedByRules(Ledger.Entry person) {
        return person.removed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("clean/") || e.getKey().startsWith("privacy/"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
