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

/**
 * state_generalized: a state shared by fewer participants than the minimum, or of a participant with EHR from a site in
 * another state, becomes 2000000011.
 */
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

    @Test
    void ehrFromSiteInAnotherStateOrUnplacedSite_generalizesThatParticipantsState() {
        // 1 lives in NY and has EHR from the NY site; 2 lives in CA with EHR from the NY site; 3 lives in CA and has
        // only survey data; 4 lives in CA with EHR from a site the lookup does not place; 5 lives in CA with EHR from
        // the CA site and from the NY site
        List<Row> exts = List.of(ext(1, "PIIState_NY"), ext(2, "PIIState_CA"), ext(3, "PIIState_CA"),
                ext(4, "PIIState_CA"), ext(5, "PIIState_CA"));
        var kit = new RuleTestKit(tmp).participant(1).participant(2).participant(3).participant(4).participant(5)
                .table("person_ext", exts)
                .table("condition_occurrence", "condition_occurrence.ehr.hpo_nyc_cumc.condition_occurrence",
                        List.of(PrivacyRows.condition(100, 1, 0, "X"), PrivacyRows.condition(101, 2, 0, "X"),
                                PrivacyRows.condition(102, 5, 0, "X")))
                .table("condition_occurrence", "condition_occurrence.ehr.hpo_unknown.condition_occurrence",
                        List.of(PrivacyRows.condition(103, 4, 0, "X")))
                .table("observation", "observation.survey.00001", List.of(answer(104, 3, 9, "Q", "A")))
                .table("observation", "observation.ehr.hpo_ca_ucsd.observation", List.of(answer(105, 5, 9, "Q", "A")))
                .tier("controlled", p -> p.stateMinimumParticipants = 1);
        List<Row> answers = List.of(answer(10, 1, 1, "StreetAddress_PIIState", "PIIState_NY"),
                answer(11, 2, 2, "StreetAddress_PIIState", "PIIState_CA"),
                answer(12, 3, 3, "StreetAddress_PIIState", "PIIState_CA"),
                answer(13, 4, 4, "StreetAddress_PIIState", "PIIState_CA"),
                answer(14, 5, 5, "StreetAddress_PIIState", "PIIState_CA"));
        List<Row> rows = new java.util.ArrayList<>(exts);
        rows.addAll(answers);
        var result = kit.run(new StateGeneralized(), rows);
        assertThat(result.remaining).extracting(r -> r.table().name().equals("person_ext")
                ? r.get("state_of_residence_source_value") : r.get("value_source_value"))
                .containsExactly("PIIState_NY", "AoUDRC_GeneralizedState", "PIIState_CA", "AoUDRC_GeneralizedState",
                        "AoUDRC_GeneralizedState",
                        "PIIState_NY", "AoUDRC_GeneralizedState", "PIIState_CA", "AoUDRC_GeneralizedState",
                        "AoUDRC_GeneralizedState");
        assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::reason)
                .containsOnly("EHR from a site in another state").hasSize(6);
    }

    @Test
    void statesAreCountedOverParticipantsWhoKeepTheirs_soNoPublishedStateFallsBelowTheMinimum() {
        // three participants live in CA, the minimum is three, but 3 has EHR from the NY site: CA would be published
        // for two participants only, so it is generalized for all three
        List<Row> exts = List.of(ext(1, "PIIState_CA"), ext(2, "PIIState_CA"), ext(3, "PIIState_CA"),
                ext(4, "PIIState_NY"), ext(5, "PIIState_NY"), ext(6, "PIIState_NY"));
        var kit = new RuleTestKit(tmp).participant(1).participant(2).participant(3).participant(4).participant(5)
                .participant(6).table("person_ext", exts)
                .table("condition_occurrence", "condition_occurrence.ehr.hpo_nyc_cumc.condition_occurrence",
                        List.of(PrivacyRows.condition(100, 3, 0, "X"), PrivacyRows.condition(101, 4, 0, "X")))
                .tier("controlled", p -> p.stateMinimumParticipants = 3);
        var result = kit.run(new StateGeneralized(), exts);
        assertThat(result.remaining).extracting(r -> r.get("state_of_residence_source_value"))
                .containsExactly("AoUDRC_GeneralizedState", "AoUDRC_GeneralizedState", "AoUDRC_GeneralizedState",
                        "PIIState_NY", "PIIState_NY", "PIIState_NY");
        assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::reason).containsExactly(
                "state shared by too few participants", "state shared by too few participants",
                "state shared by too few participants");
    }

    @Test
    void siteStatesFile_badStateCode_namesFileLineAndField() throws Exception {
        Path file = tmp.resolve("site-states.csv");
        java.nio.file.Files.writeString(file, "site_id,state\nhpo_a,NY\nhpo_b,New York\n");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.cdrbuilder.core.config.ConfigException.class,
                () -> org.cdrbuilder.steps.privacy.SiteStates.read(file)).getMessage())
                .contains("site-states.csv:3, field state: 'New York' is not a two-letter state code");
    }
}
