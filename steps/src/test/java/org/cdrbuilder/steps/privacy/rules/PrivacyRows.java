package org.cdrbuilder.steps.privacy.rules;

import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.cdrbuilder.core.row.Row;

/** Rows privacy rule tests are made of. */
final class PrivacyRows {
    static final LocalDate DAY = LocalDate.of(2021, 5, 4);

    private PrivacyRows() {
    }

    /** A survey answer row of a response. */
    static Row answer(long id, long person, long response, String question, String code) {
        return row("observation", "observation_id", id, "person_id", person, "observation_concept_id", 0,
                "observation_date", DAY, "observation_datetime", DAY.atTime(10, 0), "observation_type_concept_id", 45905771,
                "observation_source_value", question, "value_source_value", code, "value_as_concept_id", 1,
                "questionnaire_response_id", response);
    }

    static Row condition(long id, long person, int sourceConcept, String sourceValue) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", person,
                "condition_concept_id", 0, "condition_start_date", DAY, "condition_start_datetime", DAY.atTime(8, 30),
                "condition_end_date", DAY.plusDays(3), "condition_type_concept_id", 32817,
                "condition_source_concept_id", sourceConcept, "condition_source_value", sourceValue);
    }

    static Row person(long person, int race, int gender) {
        return row("person", "person_id", person, "gender_concept_id", gender, "year_of_birth", 1970,
                "race_concept_id", race, "ethnicity_concept_id", 0);
    }

    static Row heartRate(long person, LocalDateTime at) {
        return row("heart_rate_minute_level", "person_id", person, "datetime", at, "heart_rate_value", 71);
    }
}
