package org.cdrbuilder.generator;

import java.util.List;

/**
 * The ids of the cleaning rules in the order the engine runs them ({@code cdr rules list}, privacy rules aside). The
 * generator needs the order to know which rule a planted row meets first; GeneratedDropTest checks this list
 * against the engine, so a new or reordered rule fails the test until the generator knows about it.
 */
public final class CleanRules {
    public static final List<String> ORDER = List.of(
            "participant_not_in_registry",
            "no_primary_consent",
            "withdrawn_participants",
            "birth_year_implausible",
            "under_18_at_consent",
            "ehr_consent_required",
            "data_after_deactivation",
            "data_after_cutoff",
            "death_date_implausible",
            "duplicate_death_records",
            "duplicate_survey_responses",
            "ehr_date_floor",
            "event_before_birth",
            "event_long_after_birth",
            "event_long_after_death",
            "drug_refills_days_supply_outliers",
            "end_before_start_fixed",
            "fitbit_outside_consent_window",
            "fitbit_sleep_levels_known",
            "fitbit_values_implausible",
            "non_standard_concepts_replaced",
            "domain_alignment",
            "pm_duplicate_sessions",
            "pm_out_of_range",
            "bmi_computed",
            "survey_branching_violations",
            "core_answers_backfilled",
            "survey_numeric_out_of_range",
            "zero_concept_rows",
            "unit_normalization");

    private CleanRules() {
    }
}
