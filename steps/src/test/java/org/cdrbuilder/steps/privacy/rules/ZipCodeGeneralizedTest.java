package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zip_code_generalized: ZIP answers removed (registered) or cut to three digits (controlled). */
class ZipCodeGeneralizedTest {
    @TempDir
    Path tmp;

    private static Row zip(long id, String value) {
        Row r = answer(id, 1, 7, "StreetAddress_PIIZIP", null);
        r.set("value_as_string", value);
        return r;
    }

    @Test
    void registered_removesZipAnswers_only() {
        Row other = answer(4, 1, 7, "StreetAddress_PIIState", "PIIState_MA");
        var result = new RuleTestKit(tmp).participant(1).tier("registered")
                .run(new ZipCodeGeneralized(), List.of(zip(1, "02542"), other));
        assertThat(result.removed()).extracting(r -> r.get("observation_id")).containsExactly(1L);
        assertThat(result.remaining).containsExactly(other);
    }

    @Test
    void controlled_keepsTheFirstThreeDigits_ofWellFormedZipsOnly() {
        var result = new RuleTestKit(tmp).participant(1).tier("controlled")
                .run(new ZipCodeGeneralized(), List.of(zip(1, "02542"), zip(2, "02542-1234"), zip(3, "Main Street 5")));
        assertThat(result.remaining).extracting(r -> r.get("value_as_string")).containsExactly("025", "025", null);
        assertThat(result.changed()).hasSize(3);
    }
}
