package org.cdrbuilder.steps.qa.accounting;

import java.util.List;

import org.cdrbuilder.core.qa.CheckResult;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.QaSettings;
import org.cdrbuilder.core.qa.QaThresholds;

/**
 * A check computed from the build's accounting rather than from a table scan: a large share of rows or
 * participants quarantined, removed or missing. One class per check, discovered with
 * {@code @AutoService(AccountingCheck.class)}; severity and threshold come from {@code config/qa/} like those of
 * every other check. Each result names its source (a file, a site, the registry), so that the gate's message says
 * where the data was lost.
 */
public interface AccountingCheck {
    CheckType type();

    /** The results for one tier (none when the facts hold nothing this check applies to). */
    List<CheckResult> evaluate(AccountingFacts facts, QaThresholds thresholds, QaSettings settings);
}
