package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.person;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gender_identity_generalized: only a single man/woman answer matching sex at birth stays. */
class GenderIdentityGeneralizedTest {
    static final String Q = "Gender_GenderIdentity";
    static final String SEX = "BiologicalSexAtBirth_SexAtBirth";
    @TempDir
    Path tmp;

    private final List<Row> answers = List.of(
            answer(1, 1, 100, Q, "GenderIdentity_Man"), answer(2, 1, 101, SEX, "SexAtBirth_Male"),      // kept
            answer(3, 2, 200, Q, "GenderIdentity_Man"), answer(4, 2, 201, SEX, "SexAtBirth_Female"),    // mismatch
            answer(5, 3, 300, Q, "GenderIdentity_NonBinary"),                                            // small category
            answer(6, 4, 400, Q, "GenderIdentity_Woman"), answer(7, 4, 400, Q, "GenderIdentity_Transgender"));

    private RuleTestKit kit(String tier) {
        return new RuleTestKit(tmp.resolve(tier)).participant(1).participant(2).participant(3).participant(4)
                .table("observation", answers).tier(tier);
    }

    @Test
    void registered_generalizesEverythingButAMatchingManOrWoman() {
        var result = kit("registered").run(new GenderIdentityGeneralized(), answers);
        assertThat(result.remaining).filteredOn(r -> Q.equals(r.get("observation_source_value")))
                .extracting(r -> r.get("observation_id"), r -> r.get("value_as_concept_id")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 1),
                        org.assertj.core.groups.Tuple.tuple(3L, 2000000002),
                        org.assertj.core.groups.Tuple.tuple(5L, 2000000002),
                        org.assertj.core.groups.Tuple.tuple(6L, 2000000002));
        assertThat(result.removed()).extracting(r -> r.get("observation_id")).containsExactly(7L);
    }

    @Test
    void registered_personGenderFollows() {
        var result = kit("registered").run(new GenderIdentityGeneralized(),
                List.of(person(1, 0, 8507), person(2, 0, 8507), person(3, 0, 0)));
        assertThat(result.remaining).extracting(r -> r.get("gender_concept_id")).containsExactly(8507, 2000000002, 2000000002);
    }

    @Test
    void controlled_keepsGenderIdentity() {
        assertThat(kit("controlled").run(new GenderIdentityGeneralized(), answers).sandboxed).isEmpty();
    }
}
