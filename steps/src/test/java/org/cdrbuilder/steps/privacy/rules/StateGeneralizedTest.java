package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.answer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state_generalized: a state shared by fewer participants than the minimum becomes 2000000011. */
class StateGeneralizedTest {
    @TempDir
    Path tmp;

    private static Row ext(long person, String state) {
        return row("person_ext", "person_id", person, "src_id", "Participant Portal 1",
                "state_of_residence_concept_id", 1, "state_of_residence_source_value", state);
    }

    @Test
    void rareStatesGeneralized_inPersonExtAndAnswers_excludedParticipantsNotCounted() {
        List<Row> exts = List.of(ext(1, "PIIState_CA"), ext(2, "PIIState_CA"), ext(3, "PIIState_CA"),
                ext(4, "PIIState_NY"), ext(5, "PIIState_NY"));
        // participant 5 is 89+: excluded from the registered tier, so NY has one participant there
        var kit = new RuleTestKit(tmp).participant(1).participant(2).participant(3).participant(4)
                .participant(5, p -> p.birthDate = LocalDate.of(1930, 1, 1))
                .table("person_ext", exts).tier("registered", p -> p.stateMinimumParticipants = 2);
        Row caAnswer = answer(10, 1, 1, "StreetAddress_PIIState", "PIIState_CA");
        Row nyAnswer = answer(11, 4, 2, "StreetAddress_PIIState", "PIIState_NY");
        var result = kit.run(new StateGeneralized(), List.of(exts.get(0), exts.get(3), caAnswer, nyAnswer));
        assertThat(result.remaining).extracting(r -> r.table().name().equals("person_ext")
                ? r.get("state_of_residence_source_value") : r.get("value_source_value"))
                .containsExactly("PIIState_CA", "AoUDRC_GeneralizedState", "PIIState_CA", "AoUDRC_GeneralizedState");
        assertThat(result.remaining.get(1).get("state_of_residence_concept_id")).isEqualTo(2000000011);
        assertThat(result.remaining.get(3).get("value_as_concept_id")).isEqualTo(2000000011);
    }
}
