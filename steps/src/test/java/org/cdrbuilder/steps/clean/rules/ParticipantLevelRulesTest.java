package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that decide from the registry alone whose rows are released: rows loaded / sandboxed / remaining. */
class ParticipantLevelRulesTest {
    @TempDir
    Path tmp;

    static Row condition(long id, long person, LocalDate start) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", person,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_type_concept_id", 32817);
    }

    static Row person(long person) {
        return row("person", "person_id", person, "gender_concept_id", 0, "year_of_birth", 1970, "race_concept_id", 0,
                "ethnicity_concept_id", 0);
    }

    @Test
    void participantNotInRegistry_removesRowsOfUnknownPeople() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        var result = kit.run(new ParticipantNotInRegistry(), List.of(condition(10, 1, LocalDate.of(2020, 1, 1)),
                condition(11, 2, LocalDate.of(2020, 1, 1))));
        assertThat(result.remaining).extracting(r -> r.get("condition_occurrence_id")).containsExactly(10L);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("participant_not_in_registry");
            assertThat(s.before().get("condition_occurrence_id")).isEqualTo(11L);
        });
    }

    @Test
    void noPrimaryConsent_removesEveryRowIncludingThePerson() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2, p -> p.primaryConsentDate = null);
        var result = kit.run(new NoPrimaryConsent(), List.of(person(1), person(2), condition(10, 2, LocalDate.of(2020, 1, 1))));
        assertThat(result.remaining).containsExactly(person(1));
        assertThat(result.removed()).containsExactly(person(2), condition(10, 2, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void withdrawnParticipants_removedWhateverTheDates() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2, p -> p.withdrawalDate = LocalDate.of(2021, 5, 1));
        var result = kit.run(new WithdrawnParticipants(), List.of(condition(10, 2, LocalDate.of(2020, 1, 1)),
                condition(11, 1, LocalDate.of(2020, 1, 1)), person(2)));
        assertThat(result.remaining).extracting(r -> r.get("person_id")).containsExactly(1L);
        assertThat(result.removed()).hasSize(2).allSatisfy(r -> assertThat(r.get("person_id")).isEqualTo(2L));
    }

    @Test
    void under18AtConsent_usesBirthdayExactly() {
        RuleTestKit kit = new RuleTestKit(tmp)
                .participant(1, p -> p.birthDate = LocalDate.of(2001, 1, 1)) // 18 on the consent day
                .participant(2, p -> p.birthDate = LocalDate.of(2001, 1, 2)); // one day short
        var result = kit.run(new Under18AtConsent(), List.of(person(1), person(2)));
        assertThat(result.remaining).containsExactly(person(1));
        assertThat(result.removed()).containsExactly(person(2));
    }

    @Test
    void ehrConsentRequired_removesOnlyEhrRows() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.ehrConsent = false).participant(2);
        Row c1 = condition(10, 1, LocalDate.of(2020, 1, 1));
        Row c2 = condition(11, 2, LocalDate.of(2020, 1, 1));
        var ehr = kit.run(new EhrConsentRequired(), new RowOrigin("ehr", "site_a"), List.of(c1, c2));
        assertThat(ehr.remaining).containsExactly(c2);
        assertThat(ehr.removed()).containsExactly(c1);
        Row answer = row("observation", "observation_id", 20L, "person_id", 1L, "observation_concept_id", 1585838,
                "observation_date", LocalDate.of(2020, 1, 1), "observation_type_concept_id", 45905771);
        var survey = kit.run(new EhrConsentRequired(), new RowOrigin("survey", null), List.of(answer));
        assertThat(survey.remaining).containsExactly(answer);
    }

    @Test
    void dataAfterDeactivation_keepsTheDayItselfAndBefore() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.deactivationDate = LocalDate.of(2022, 6, 30));
        var result = kit.run(new DataAfterDeactivation(), List.of(condition(10, 1, LocalDate.of(2022, 6, 30)),
                condition(11, 1, LocalDate.of(2022, 7, 1))));
        assertThat(result.remaining).extracting(r -> r.get("condition_occurrence_id")).containsExactly(10L);
        assertThat(result.removed()).extracting(r -> r.get("condition_occurrence_id")).containsExactly(11L);
    }

    @Test
    void birthYearImplausible_beforeEarliestOrAfterCutoff() {
        RuleTestKit kit = new RuleTestKit(tmp)
                .participant(1, p -> p.birthDate = LocalDate.of(1899, 12, 31))
                .participant(2, p -> p.birthDate = LocalDate.of(1900, 1, 1))
                .participant(3, p -> p.birthDate = RuleTestKit.CUTOFF.plusDays(1));
        var result = kit.run(new BirthYearImplausible(), List.of(person(1), person(2), person(3)));
        assertThat(result.remaining).containsExactly(person(2));
        assertThat(result.removed()).containsExactly(person(1), person(3));
    }

    @Test
    void participantRulesTogether_firstInDependencyOrderNamesTheRemoval() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> {
            p.withdrawalDate = LocalDate.of(2020, 1, 1);
            p.primaryConsentDate = null;
        });
        var result = kit.run(List.of(new WithdrawnParticipants(), new NoPrimaryConsent(), new ParticipantNotInRegistry()),
                new RowOrigin("ehr", "s"), List.of(condition(10, 1, LocalDate.of(2020, 1, 1))));
        assertThat(result.sandboxed).singleElement().satisfies(s -> assertThat(s.ruleId()).isEqualTo("no_primary_consent"));
    }
}
