package org.cdrbuilder.steps.qa.accounting;

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

import com.google.auto.service.AutoService;

/** A tier without a single person is never a release: whatever removed them, the build fails loudly. */
@AutoService(AccountingCheck.class)
public final class TierHasPersons implements AccountingCheck {
    static final CheckType TYPE = new CheckType("tierHasPersons", CheckLevel.TABLE, CheckCategory.COMPLETENESS,
            "", "Verification", "The tier publishes at least one person (@persons published of @registry registry "
            + "participants)");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings) {
        Ledger.Entry person = facts.ledger().tables.get("person");
        long persons = person == null ? 0 : person.published;
        long registry = facts.validation().sources.stream().filter(s -> "registry".equals(s.kind))
                .mapToLong(s -> s.rowsRead).sum();
        return List.of(AccountingResults.result(TYPE, CheckKey.table(TYPE.name(), "person"), "person table",
                persons == 0 ? 1 : 0, 1, thresholds,
                Map.of("persons", Long.toString(persons), "registry", Long.toString(registry)), List.of()));
    }
}
