package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sex_at_birth_generalized: anything but male or female becomes 2000000009, in answers and person_ext. */
class SexAtBirthGeneralizedTest {
    static final String Q = "BiologicalSexAtBirth_SexAtBirth";
    @TempDir
    Path tmp;

    private final List<Row> answers = List.of(answer(1, 1, 100, Q, "SexAtBirth_Female"),
            answer(2, 2, 200, Q, "SexAtBirth_Intersex"));

    private static Row ext(long person, String code) {
        return row("person_ext", "person_id", person, "src_id", "Participant Portal 1", "sex_at_birth_concept_id", 1,
                "sex_at_birth_source_concept_id", 1, "sex_at_birth_source_value", code);
    }

    @Test
    void registered_answersAndPersonExt() {
        var kit = new RuleTestKit(tmp).participant(1).participant(2).table("observation", answers).tier("registered");
        var result = kit.run(new SexAtBirthGeneralized(), List.of(answers.get(0), answers.get(1),
                ext(1, "SexAtBirth_Female"), ext(2, "SexAtBirth_Intersex")));
        assertThat(result.remaining).extracting(r -> r.table().name().equals("person_ext")
                        ? r.get("sex_at_birth_source_value") : r.get("value_source_value"))
                .containsExactly("SexAtBirth_Female", "SexAtBirth_GeneralizedDiffSex", "SexAtBirth_Female",
                        "SexAtBirth_GeneralizedDiffSex");
        assertThat(result.remaining.get(3).get("sex_at_birth_concept_id")).isEqualTo(2000000009);
    }

    @Test
    void controlled() {
        var kit = new RuleTestKit(tmp).participant(1).participant(2).table("observation", answers).tier("controlled");
        assertThat(kit.run(new SexAtBirthGeneralized(), answers).sandboxed).isEmpty();
    }
}
