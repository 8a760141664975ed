package org.cdrbuilder.steps.privacy.rules;

import java.util.List;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/** Fitbit device ids are serial numbers: replaced by a keyed, stable mask (profile: mask_device_ids). */
@AutoService(CleaningRule.class)
public final class FitbitDeviceIdsMasked implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("fitbit_device_ids_masked",
            "Replaces Fitbit device ids by a stable mask derived from the privacy key.", List.of("device"),
            "state_generalized");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("device.device_id");
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.maskDeviceIds;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        String id = (String) row.get("device_id");
        if (id == null || !ctx.tier().profile().maskDeviceIds) {
            return Verdict.KEEP;
        }
        String masked = ctx.tier().keys().mask("device-id", id);
        return Verdict.change("device id masked", r -> r.set("device_id", masked));
    }
}
