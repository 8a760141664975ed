package org.cdrbuilder.generator;

import java.time.LocalDate;

/**
 * A row-level problem planted for one clean participant, each made for one rule: the rule (and no rule before it)
 * must remove or change the rows. A participant has at most one; the writer of its source plants it.
 */
enum RowProblem {
    /** A visit (with its events) dated after the release cutoff: data_after_cutoff. */
    EHR_AFTER_CUTOFF(Source.EHR),
    /** A visit dated in or before the EHR floor year: ehr_date_floor. */
    EHR_BEFORE_FLOOR(Source.EHR),
    /** A visit after the floor year but before the participant's birth: event_before_birth. */
    EHR_BEFORE_BIRTH(Source.EHR),
    /** A death dated before the program started: death_date_implausible. */
    DEATH_BEFORE_PROGRAM(Source.EHR),
    /** A participant who died, reported twice with different dates: duplicate_death_records. */
    DUPLICATE_DEATH(Source.EHR),
    /** A participant who died, with a visit more than 30 days later: event_long_after_death. */
    VISIT_LONG_AFTER_DEATH(Source.EHR),
    /** A drug exposure with 10 or more refills: drug_refills_days_supply_outliers. */
    DRUG_REFILLS_OUTLIER(Source.EHR),
    /** A condition whose end date is before its start: end_before_start_fixed. */
    CONDITION_ENDS_BEFORE_START(Source.EHR),
    /** A condition whose primary concept is its ICD9CM source concept: non_standard_concepts_replaced. */
    NON_STANDARD_CONCEPT(Source.EHR),
    /** A lab sent as a procedure (its concept is in the Measurement domain): domain_alignment. */
    LAB_SENT_AS_PROCEDURE(Source.EHR),
    /** A condition without concept, source concept or source value: zero_concept_rows. */
    CONDITION_WITHOUT_CODE(Source.EHR),
    /** A glucose result in mmol/L: unit_normalization. */
    LAB_IN_OTHER_UNIT(Source.EHR),
    /** A condition coded with an ICD10CM code on the tiers' suppression lists: sensitive_concepts_suppressed. */
    SENSITIVE_CONDITION(Source.EHR),
    /**
     * A condition whose source value holds the participant's name and phone number in a note longer than the column:
     * source_values_truncated, then free_text_suppressed.
     */
    IDENTIFIERS_IN_EHR_TEXT(Source.EHR),
    /** The Basics answered twice: duplicate_survey_responses removes the older response. */
    DUPLICATE_SURVEY_RESPONSE(Source.SURVEY),
    /** A Basics response that leaves core questions out: core_answers_backfilled. */
    CORE_QUESTION_LEFT_OUT(Source.SURVEY),
    /** An implausible number of people in the household: survey_numeric_out_of_range. */
    SURVEY_NUMBER_OUT_OF_RANGE(Source.SURVEY),
    /** Two physical-measurement sessions: pm_duplicate_sessions removes the older one. */
    PM_DUPLICATE_SESSION(Source.PM),
    /** A weight outside the plausible range: pm_out_of_range. */
    PM_WEIGHT_OUT_OF_RANGE(Source.PM),
    /** A session with height and weight but no BMI: bmi_computed. */
    PM_WITHOUT_BMI(Source.PM),
    /** Fitbit days synced from before the primary consent: fitbit_outside_consent_window. */
    FITBIT_BEFORE_CONSENT(Source.FITBIT),
    /**
     * A sleep segment with a level Fitbit does not define (fitbit_sleep_levels_known), and on the same day a negative
     * heart rate (fitbit_values_implausible).
     */
    FITBIT_UNKNOWN_SLEEP_LEVEL(Source.FITBIT);

    /** Where a row comes from; the rules treat EHR rows differently from participant-provided ones. */
    enum Source { REGISTRY, EHR, SURVEY, PM, FITBIT }

    static final LocalDate LAST_FLOOR_DAY = LocalDate.of(1980, 12, 31);

    final Source source;

    RowProblem(Source source) {
        this.source = source;
    }

    /** Whether the problem can be planted for a participant born on {@code birth} with a death window. */
    boolean plantableFor(LocalDate birth, boolean canDie) {
        return switch (this) {
            case EHR_BEFORE_FLOOR -> !birth.plusDays(1).isAfter(LAST_FLOOR_DAY);
            case EHR_BEFORE_BIRTH -> birth.isAfter(LAST_FLOOR_DAY.plusDays(1));
            case DUPLICATE_DEATH, VISIT_LONG_AFTER_DEATH -> canDie;
            default -> true;
        };
    }

    /** Whether the participant must die (at a plausible date) for the problem. */
    boolean needsDeath() {
        return this == DUPLICATE_DEATH || this == VISIT_LONG_AFTER_DEATH;
    }
}
