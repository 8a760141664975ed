package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sexual_orientation_generalized: anything but a single "straight" answer becomes 2000000003. */
class SexualOrientationGeneralizedTest {
    static final String Q = "TheBasics_SexualOrientation";
    @TempDir
    Path tmp;

    private final List<Row> answers = List.of(answer(1, 1, 100, Q, "SexualOrientation_Straight"),
            answer(2, 2, 200, Q, "SexualOrientation_Gay"),
            answer(3, 3, 300, Q, "SexualOrientation_Bisexual"), answer(4, 3, 300, Q, "SexualOrientation_Straight"),
            answer(5, 4, 400, Q, "PMI_Skip"));

    private RuleTestKit kit(String tier) {
        return new RuleTestKit(tmp.resolve(tier)).participant(1).participant(2).participant(3).participant(4)
                .table("observation", answers).tier(tier);
    }

    @Test
    void registered() {
        var result = kit("registered").run(new SexualOrientationGeneralized(), answers);
        assertThat(result.remaining).extracting(r -> r.get("observation_id"), r -> r.get("value_source_value"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "SexualOrientation_Straight"),
                        org.assertj.core.groups.Tuple.tuple(2L, "SexualOrientation_GeneralizedNotStraight"),
                        org.assertj.core.groups.Tuple.tuple(3L, "SexualOrientation_GeneralizedNotStraight"),
                        org.assertj.core.groups.Tuple.tuple(5L, "SexualOrientation_GeneralizedNotStraight"));
        assertThat(result.removed()).extracting(r -> r.get("observation_id")).containsExactly(4L);
    }

    @Test
    void controlled() {
        assertThat(kit("controlled").run(new SexualOrientationGeneralized(), answers).sandboxed).isEmpty();
    }
}
