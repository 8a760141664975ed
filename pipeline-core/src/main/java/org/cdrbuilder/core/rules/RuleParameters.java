package org.cdrbuilder.core.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ReleaseConfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Parameters that programs set differently, from {@code config/rules.yaml} (the program's defaults are in that file).
 * The release cutoff date comes from the release settings.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class RuleParameters {
    /** EHR rows dated in or before this year are removed. */
    public int ehrFloorYear = 1980;
    /** The same floor for the observation table. */
    public int observationFloorYear = 1900;
    /** Participants born before this year are removed. */
    public int earliestBirthYear = 1900;
    /** Minimum age at primary consent. */
    public int minimumAgeAtConsent = 18;
    /** Events more than this many years after birth are removed. */
    public int maximumAgeYears = 150;
    /** Events more than this many days after death are removed. */
    public int daysAfterDeath = 30;
    /** Deaths before this date are implausible for the program. */
    public LocalDate programStart = LocalDate.of(2017, 1, 1);
    public Range heightCm = new Range(90, 228);
    public Range weightKg = new Range(30, 250);
    public Range bmi = new Range(10, 125);
    /** Drug exposures with this many refills or more lose their refills value. */
    public int maximumRefills = 10;
    /** Drug exposures with this many days of supply or more lose their days_supply value. */
    public int maximumDaysSupply = 180;
    /** Sleep levels Fitbit defines; others are removed. */
    public List<String> fitbitSleepLevels = new ArrayList<>(List.of("asleep", "restless", "awake", "deep", "light",
            "rem", "wake"));
    /**
     * Plausible Fitbit values, by {@code table.column}: rows with a value outside are removed
     * ({@code fitbit_values_implausible}); a negative heart rate or step count is a device or export error.
     */
    public Map<String, Range> fitbitPlausibleValues = new LinkedHashMap<>(Map.of(
            "heart_rate_minute_level.heart_rate_value", new Range(20, 250)));
    /** Survey questions with a plausible numeric range, by question code. */
    public Map<String, Range> surveyNumericRanges = new LinkedHashMap<>();
    /** Concept that replaces an out-of-range numeric survey answer. */
    public int surveyOutOfRangeConcept = 2000000010;
    /** Concept of the PMI_Skip answer used to backfill unanswered core questions. */
    public int skipConcept = 903096;
    public String skipCode = "PMI_Skip";
    /** Survey branching rules, CSV (rule_type, child_question, parent_question, parent_value); relative to this file. */
    public String surveyBranching = "survey/branching.csv";
    /** Core questions per module, CSV (module, question); relative to this file. */
    public String surveyCoreQuestions = "survey/core-questions.csv";
    /**
     * Unit conversions, CSV (measurement_concept_id, from_unit_concept_id, to_unit_concept_id, factor,
     * to_unit_source_value; measurement_concept_id 0 for any measurement); relative to this file.
     */
    public String unitNormalization = "unit-normalization.csv";

    public int minimumAgeAtConsent() {
        return minimumAgeAtConsent;
    }

    public int earliestBirthYear() {
        return earliestBirthYear;
    }

    /** An inclusive numeric range. */
    public record Range(double low, double high) {
        public boolean contains(double v) {
            return v >= low && v <= high;
        }
    }

    public static RuleParameters read(Path file) {
        RuleParameters p = ReleaseConfig.readYaml(file, RuleParameters.class);
        return p == null ? new RuleParameters() : p;
    }
}
