package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitbit_device_ids_masked: device ids become a stable keyed mask; free-text suppression keeps the mask. */
class FitbitDeviceIdsMaskedTest {
    @TempDir
    Path tmp;

    private static Row device(String id) {
        return row("device", "person_id", 1L, "device_id", id, "device_date", PrivacyRows.DAY, "device_type", "TRACKER");
    }

    @Test
    void maskedStably_inBothTiers_andSurvivesFreeTextSuppression() {
        var kit = new RuleTestKit(tmp).participant(1).tier("registered");
        var result = kit.run(List.of(new FitbitDeviceIdsMasked(), new FreeTextSuppressed()), new org.cdrbuilder.core.rules.RowOrigin("fitbit", null),
                List.of(device("1700833870"), device("1700833870"), device("1701269415")));
        List<Object> masks = result.remaining.stream().map(r -> r.get("device_id")).toList();
        assertThat(masks).allSatisfy(m -> assertThat((String) m).matches("[0-9a-f]{24}"));
        assertThat(masks.get(0)).isEqualTo(masks.get(1)).isNotEqualTo(masks.get(2));
        assertThat(masks.get(0)).isEqualTo(kit.keys().mask("device-id", "1700833870"));
        var controlled = new RuleTestKit(tmp.resolve("c")).participant(1).tier("controlled")
                .run(new FitbitDeviceIdsMasked(), List.of(device("1700833870")));
        assertThat(controlled.remaining.get(0).get("device_id")).isEqualTo(masks.get(0));
    }
}
