package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.CUTOFF;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the date rules run in the catalog: after the participant-level rules (which name the removal of a person's
 * rows), deaths deduplicated after implausible deaths are gone, and changes made only to rows the date rules keep.
 */
class DateRulesOrderTest {
    private static final List<String> DATE_RULES = List.of("data_after_cutoff", "ehr_date_floor", "event_before_birth",
            "event_long_after_birth", "death_date_implausible", "duplicate_death_records", "event_long_after_death",
            "end_before_start_fixed", "drug_refills_days_supply_outliers");

    @TempDir
    Path tmp;

    static List<String> catalogOrder() {
        return RuleEngine.of(RuleEngine.discover()).rules().stream().map(r -> r.info().id()).toList();
    }

    @Test
    void dateRules_runAfterTheParticipantLevelRules() {
        List<String> order = catalogOrder();
        for (String id : DATE_RULES) {
            assertThat(order.indexOf(id)).as(id).isGreaterThan(order.indexOf("data_after_deactivation"))
                    .isGreaterThan(order.indexOf("birth_year_implausible"));
        }
        assertThat(order.indexOf("duplicate_death_records")).isGreaterThan(order.indexOf("death_date_implausible"));
        for (String change : List.of("end_before_start_fixed", "drug_refills_days_supply_outliers")) {
            for (String removal : List.of("data_after_cutoff", "ehr_date_floor", "event_before_birth",
                    "event_long_after_birth", "event_long_after_death")) {
                assertThat(order.indexOf(change)).as(change + " after " + removal).isGreaterThan(order.indexOf(removal));
            }
        }
    }

    @Test
    void aRowOfADeactivatedParticipantAfterTheCutoff_isNamedByTheDeactivation() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.deactivationDate = LocalDate.of(2024, 1, 1));
        Row late = row("condition_occurrence", "condition_occurrence_id", 10L, "person_id", 1L,
                "condition_concept_id", 320128, "condition_start_date", CUTOFF.plusDays(1),
                "condition_type_concept_id", 32817);
        List<CleaningRule> rules = List.of(new DataAfterCutoff(), new EventLongAfterBirth(), new ParticipantNotInRegistry(),
                new NoPrimaryConsent(), new WithdrawnParticipants(), new Under18AtConsent(), new EhrConsentRequired(),
                new DataAfterDeactivation());
        var result = kit.run(rules, new RowOrigin("ehr", "site_a"), List.of(late));
        assertThat(result.sandboxed).singleElement()
                .satisfies(s -> assertThat(s.ruleId()).isEqualTo("data_after_deactivation"));
    }
}
