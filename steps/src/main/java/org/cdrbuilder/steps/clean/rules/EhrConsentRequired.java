package org.cdrbuilder.steps.clean.rules;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.google.auto.service.AutoService;

/** EHR data is released only for participants who consented to share it (ehr_consent = yes). */
@AutoService(CleaningRule.class)
public final class EhrConsentRequired implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("ehr_consent_required",
            "Removes EHR rows of participants whose EHR consent is not yes; their surveys, measurements and "
                    + "wearable data stay.", EventDates.EVENT_TABLES, "under_18_at_consent");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON; // decided from the person alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!origin.isEhr()) {
            return Verdict.KEEP;
        }
        Participant p = ctx.registry().get((Long) row.get("person_id"));
        return p == null || p.ehrConsent() ? Verdict.KEEP : Verdict.remove("participant has not consented to EHR sharing");
    }
}
