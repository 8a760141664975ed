package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** free_text_suppressed: every text value that is not provably a code or an enumeration is emptied. */
class FreeTextSuppressedTest {
    @TempDir
    Path tmp;

    private RuleTestKit kit(String tier) {
        return new RuleTestKit(tmp.resolve(tier)).participant(1)
                .concept(44832194, "Condition", "ICD10CM", null, "E11.9")
                .concept(903079, "Observation", "PPI", null, "PMI_PreferNotToAnswer")
                .concept(8840, "Unit", "UCUM", "S", "mg/dL").tier(tier);
    }

    @Test
    void sourceValuesThatAreTheirConceptsCodeStay_anythingElseGoes() {
        Row coded = condition(1, 1, 44832194, "E11.9");
        Row mismatched = condition(2, 1, 44832194, "Nova Nakamura has diabetes");
        Row uncoded = condition(3, 1, 0, "sugar problem");
        var result = kit("registered").run(new FreeTextSuppressed(), List.of(coded, mismatched, uncoded));
        assertThat(result.remaining).extracting(r -> r.get("condition_source_value")).containsExactly("E11.9", null, null);
        assertThat(result.changed()).hasSize(2);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.reason()).isEqualTo("free text suppressed"));
    }

    @Test
    void valueAsStringAlwaysGoes_answerCodesAndUnitsStay_inBothTiers() {
        for (String tier : List.of("registered", "controlled")) {
            Row text = answer(1, 1, 5, "Q", "PMI_PreferNotToAnswer");
            text.set("value_as_string", "I live at 7102 Elm Ct");
            Row m = row("measurement", "measurement_id", 4L, "person_id", 1L, "measurement_concept_id", 0,
                    "measurement_date", PrivacyRows.DAY, "measurement_type_concept_id", 1,
                    "unit_source_value", "mg/dL", "measurement_source_value", "local glucose");
            var result = kit(tier).run(new FreeTextSuppressed(), List.of(text, m));
            Row a = result.remaining.get(0);
            assertThat(a.get("value_as_string")).as(tier).isNull();
            assertThat(a.get("value_source_value")).isEqualTo("PMI_PreferNotToAnswer");
            assertThat(result.remaining.get(1).get("unit_source_value")).isEqualTo("mg/dL");
            assertThat(result.remaining.get(1).get("measurement_source_value")).isNull();
        }
    }

    @Test
    void personSourceValue_participantIdsNeverSurvive() {
        Row p = PrivacyRows.person(1, 0, 0);
        p.set("person_source_value", "P300000001");
        var result = kit("controlled").run(new FreeTextSuppressed(), List.of(p));
        assertThat(result.remaining.get(0).get("person_source_value")).isNull();
    }

    @Test
    void enumerationsOfTheProfile_andControlledZipPrefixesStay() {
        Row sleep = row("sleep_level", "person_id", 1L, "sleep_date", PrivacyRows.DAY, "is_main_sleep", "true",
                "level", "rem", "start_datetime", PrivacyRows.DAY.atStartOfDay(), "duration_in_min", 30.0);
        Row zip = answer(2, 1, 5, "StreetAddress_PIIZIP", null);
        zip.set("value_as_string", "025");
        var result = kit("controlled").run(new FreeTextSuppressed(), List.of(sleep, zip));
        assertThat(result.remaining.get(0).get("level")).isEqualTo("rem");
        assertThat(result.remaining.get(1).get("value_as_string")).isEqualTo("025");
        var registered = kit("registered").run(new FreeTextSuppressed(), List.of(zip));
        assertThat(registered.remaining.get(0).get("value_as_string")).isNull();
    }
}
