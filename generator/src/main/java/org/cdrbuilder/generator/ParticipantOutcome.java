package org.cdrbuilder.generator;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdrbuilder.generator.RowProblem.Source;

/**
 * What a correct build does with the rows of one person: which cleaning rule removes each row, what is left of the
 * participant for the privacy stage, and what each tier's privacy rules do with that. The participant-level and
 * date rules are decided here from the facts the rules use (registry dates, the cutoff, the earliest plausible
 * death), so that a row the generator did not plant for a rule is still counted right (a second site's visit long
 * after the death the first site reported); every other rule acts only on rows planted for it, and the writer names
 * that rule. Counts go to {@link Planted} as rows are written; memory holds one participant's tallies.
 */
final class ParticipantOutcome {
    static final String CLEAN = "clean/";
    static final String PRIVACY = "privacy/";
    static final String AGE_LIMIT_RULE = PRIVACY + "age_89_and_over_excluded";
    static final String SUPPRESSION_RULE = PRIVACY + "sensitive_concepts_suppressed";
    static final String ZIP_RULE = PRIVACY + "zip_code_generalized";
    static final String RACE_RULE = PRIVACY + "race_generalized";
    static final String ORIENTATION_RULE = PRIVACY + "sexual_orientation_generalized";
    static final String FREE_TEXT_RULE = PRIVACY + "free_text_suppressed";
    static final String TRUNCATION_RULE = PRIVACY + "source_values_truncated";
    static final String GENDER_RULE = PRIVACY + "gender_identity_generalized";
    static final String SEX_AT_BIRTH_RULE = PRIVACY + "sex_at_birth_generalized";
    static final String EDUCATION_RULE = PRIVACY + "education_generalized";
    static final String EMPLOYMENT_RULE = PRIVACY + "employment_generalized";

    // the program's defaults (config/rules.yaml) and tier profiles (config/tiers): the build must agree with them
    static final LocalDate PROGRAM_START = LocalDate.of(2017, 1, 1);
    static final int EHR_FLOOR_YEAR = 1980;
    static final int OBSERVATION_FLOOR_YEAR = 1900;
    static final int MAXIMUM_AGE_YEARS = 150;
    static final int DAYS_AFTER_DEATH = 30;
    /** Registered Tier: participants this old at the cutoff are excluded. */
    static final int REGISTERED_AGE_LIMIT = 89;

    /** Tables whose events make a person's observation period (the derive stage). */
    static final Set<String> PERIOD_TABLES = Set.of("visit_occurrence", "condition_occurrence", "drug_exposure",
            "procedure_occurrence", "device_exposure", "measurement", "observation", "death", "survey_conduct");

    private final Planted planted;
    private final LocalDate cutoff;
    /** The rule removing every row of the person (not in the registry, withdrawn...), or null. */
    private final String removedBy;
    private final boolean ehrConsent;
    private final LocalDate birth;
    private final LocalDate consent;
    private final LocalDate deactivation;
    /** The earliest plausible death any site reports, or null. */
    private final LocalDate death;
    private final boolean registeredAgeLimit;

    /** Rows of the person that leave the cleaning stage, per table. */
    private final Map<String, Long> surviving = new TreeMap<>();
    private boolean personSurvives;
    private long periodEvents;
    private long sensitiveInBothTiers;
    private long sensitiveInRegisteredOnly;
    private long zipAnswers;
    private long raceAnswersCollapsed;
    private long orientationAnswersCollapsed;
    private long genderAnswersCollapsed;
    private long sexAtBirthChanged;
    private long educationChanged;
    private long employmentChanged;
    private final Map<String, Long> identifierRows = new TreeMap<>();
    private final Map<String, Long> longSourceValues = new TreeMap<>();
    /** While planted rows are written: the rule that must remove each of them (and no rule before it). */
    private String expected;

    private ParticipantOutcome(Planted planted, LocalDate cutoff, String removedBy, boolean ehrConsent, LocalDate birth,
                               LocalDate consent, LocalDate deactivation, LocalDate death) {
        this.planted = planted;
        this.cutoff = cutoff;
        this.removedBy = removedBy;
        this.ehrConsent = ehrConsent;
        this.birth = birth;
        this.consent = consent;
        this.deactivation = deactivation;
        this.death = death;
        this.registeredAgeLimit = birth != null && Period.between(birth, cutoff).getYears() >= REGISTERED_AGE_LIMIT;
    }

    /** A participant of the registry. */
    static ParticipantOutcome of(SyntheticPerson p, GeneratorSettings s, Planted planted) {
        return new ParticipantOutcome(planted, s.cutoff(), p.kind.removedBy, p.ehrConsent, p.birthDate,
                p.hasPrimaryConsent() ? p.consentDate : null, p.deactivationDate, p.deathDate);
    }

    /** A person a site sends data for who is not in the registry. */
    static ParticipantOutcome unregistered(GeneratorSettings s, Planted planted) {
        return new ParticipantOutcome(planted, s.cutoff(), "participant_not_in_registry", false, null, null, null, null);
    }

    /** One source row; returns the cleaning rule that removes it, or null when it leaves the cleaning stage. */
    String row(String table, LocalDate date, Source source) {
        return rows(table, 1, date, source, null);
    }

    /** One source row planted for {@code plantedRule}, which acts on it unless an earlier rule removes it first. */
    String row(String table, LocalDate date, Source source, String plantedRule) {
        return rows(table, 1, date, source, plantedRule);
    }

    /** Several source rows alike in table, date and source. */
    String rows(String table, long n, LocalDate date, Source source, String plantedRule) {
        planted.generated(table, n);
        String rule = removal(table, date, source, plantedRule);
        if (expected != null && !expected.equals(rule)) {
            throw new IllegalStateException("a " + table + " row planted for " + expected + " meets "
                    + (rule == null ? "no rule" : rule) + " instead");
        }
        if (rule != null) {
            planted.removed(CLEAN + rule, table, n);
        } else {
            survive(table, n);
        }
        return rule;
    }

    /**
     * Rows planted for {@code rule}: it must remove each row {@code write} writes, no rule before it may (the
     * generator checks its own planting, so that every planted row is exclusive).
     */
    void plantedFor(String rule, Runnable write) {
        expected = rule;
        try {
            write.run();
        } finally {
            expected = null;
        }
    }

    /** Whether rows planted for a rule are being written. */
    boolean planting() {
        return expected != null;
    }

    /** A planted row that leaves the cleaning stage changed by {@code rule} (and by no other cleaning rule). */
    void plantedChange(String table, LocalDate date, Source source, String rule) {
        plantedSurvivor(table, date, source);
        changed(rule, table);
    }

    /** A planted row that must leave the cleaning stage (for a later rule, or a privacy rule, to act on). */
    void plantedSurvivor(String table, LocalDate date, Source source) {
        String rule = rows(table, 1, date, source, null);
        if (rule != null) {
            throw new IllegalStateException("a planted " + table + " row meets " + rule);
        }
    }

    /** A source row harmonization removes (EHR person rows, tables never published). */
    void removedAtHarmonization(String table, String key) {
        planted.generated(table, 1);
        planted.removed(key, table, 1);
    }

    /** A source row harmonization changes (before any cleaning rule sees it). */
    void changedAtHarmonization(String key, String table) {
        planted.changed(key, table, 1);
    }

    /**
     * A row planted for a QA check that reached the cleaning stage's output: counted when the person is published
     * in the controlled tier (whose privacy rules remove none of these rows).
     */
    void qa(String check) {
        if (removedBy == null) {
            planted.qa(check);
        }
    }

    /** A source row ingest must quarantine. */
    void quarantined(String table) {
        planted.generated(table, 1);
        planted.quarantined(table);
    }

    /** A row left the cleaning stage changed by {@code rule}. */
    void changed(String rule, String table) {
        planted.changed(CLEAN + rule, table, 1);
    }

    /** Rows {@code rule} adds for the person. */
    void created(String rule, String table, long n) {
        planted.created(CLEAN + rule, table, n);
        survive(table, n);
    }

    /** A surviving row that domain_alignment moves to another table. */
    void moved(String from, String to) {
        planted.moved(from, to);
        planted.changed(CLEAN + "domain_alignment", from, 1);
        survive(from, -1);
        survive(to, 1);
    }

    /** A surviving condition whose concept is on a suppression list: both tiers' lists, or the registered one only. */
    void sensitiveCondition(boolean bothTiers) {
        if (bothTiers) {
            sensitiveInBothTiers++;
        } else {
            sensitiveInRegisteredOnly++;
        }
    }

    /** Surviving ZIP code answers. */
    void zipAnswers(long n) {
        zipAnswers += n;
    }

    /** Surviving answer rows of one response that a generalization collapses into one (the others are removed). */
    void raceAnswers(long n) {
        raceAnswersCollapsed += Math.max(0, n - 1);
    }

    void orientationAnswers(long n) {
        orientationAnswersCollapsed += Math.max(0, n - 1);
    }

    void genderAnswers(long n) {
        genderAnswersCollapsed += Math.max(0, n - 1);
    }

    /** Surviving answer rows the registered tier's generalizations change (one row each). */
    void sexAtBirthChanged(long n) {
        sexAtBirthChanged += n;
    }

    void educationChanged(long n) {
        educationChanged += n;
    }

    void employmentChanged(long n) {
        employmentChanged += n;
    }

    /** A surviving row with one of the participant's direct identifiers in a free-text value. */
    void identifiers(String table) {
        identifierRows.merge(table, 1L, Long::sum);
    }

    /** A surviving row with a source value longer than its column: source_values_truncated cuts it in each tier. */
    void longSourceValue(String table) {
        longSourceValues.merge(table, 1L, Long::sum);
    }

    /** Adds what the derive and privacy stages do with what is left of the person. */
    void finish() {
        if (personSurvives && periodEvents > 0) {
            planted.derived("observation_period");
            survive("observation_period", 1);
        }
        // Registered Tier: participants aged 89 or more leave whole, before any other privacy rule sees them
        if (registeredAgeLimit) {
            surviving.forEach((table, n) -> planted.tierRemoved(Planted.REGISTERED, AGE_LIMIT_RULE, table, n));
        } else {
            planted.tierRemoved(Planted.REGISTERED, SUPPRESSION_RULE, "condition_occurrence",
                    sensitiveInBothTiers + sensitiveInRegisteredOnly);
            planted.tierRemoved(Planted.REGISTERED, ZIP_RULE, "observation", zipAnswers);
            planted.tierRemoved(Planted.REGISTERED, RACE_RULE, "observation", raceAnswersCollapsed);
            planted.tierRemoved(Planted.REGISTERED, ORIENTATION_RULE, "observation", orientationAnswersCollapsed);
            planted.tierRemoved(Planted.REGISTERED, GENDER_RULE, "observation", genderAnswersCollapsed);
            planted.tierChanged(Planted.REGISTERED, SEX_AT_BIRTH_RULE, "observation", sexAtBirthChanged);
            planted.tierChanged(Planted.REGISTERED, EDUCATION_RULE, "observation", educationChanged);
            planted.tierChanged(Planted.REGISTERED, EMPLOYMENT_RULE, "observation", employmentChanged);
            identifierRows.forEach((t, n) -> planted.tierChangedAtLeast(Planted.REGISTERED, FREE_TEXT_RULE, t, n));
            longSourceValues.forEach((t, n) -> planted.tierChangedAtLeast(Planted.REGISTERED, TRUNCATION_RULE, t, n));
        }
        // Controlled Tier: the short suppression list, ZIP codes cut to three digits
        planted.tierRemoved(Planted.CONTROLLED, SUPPRESSION_RULE, "condition_occurrence", sensitiveInBothTiers);
        planted.tierChanged(Planted.CONTROLLED, ZIP_RULE, "observation", zipAnswers);
        identifierRows.forEach((t, n) -> planted.tierChangedAtLeast(Planted.CONTROLLED, FREE_TEXT_RULE, t, n));
        longSourceValues.forEach((t, n) -> planted.tierChangedAtLeast(Planted.CONTROLLED, TRUNCATION_RULE, t, n));
    }

    private void survive(String table, long n) {
        surviving.merge(table, n, Long::sum);
        if (table.equals("person")) {
            personSurvives = true;
        }
        if (PERIOD_TABLES.contains(table)) {
            periodEvents += n;
        }
    }

    /** The first rule, in the engine's order, that removes the row; the planted rule stands at its own place. */
    private String removal(String table, LocalDate date, Source source, String plantedRule) {
        for (String rule : CleanRules.ORDER) {
            if (rule.equals(plantedRule) || removes(rule, table, date, source)) {
                return rule;
            }
        }
        if (plantedRule != null) {
            throw new IllegalArgumentException("not a cleaning rule: " + plantedRule);
        }
        return null;
    }

    /** What the participant-level and date rules decide from the row's table, date and source. */
    private boolean removes(String rule, String table, LocalDate date, Source source) {
        boolean event = !table.equals("person") && date != null;
        return switch (rule) {
            case "participant_not_in_registry", "no_primary_consent", "withdrawn_participants",
                 "birth_year_implausible", "under_18_at_consent" -> rule.equals(removedBy);
            case "ehr_consent_required" -> event && source == Source.EHR && !ehrConsent;
            case "data_after_deactivation" -> event && deactivation != null && date.isAfter(deactivation);
            case "data_after_cutoff" -> event && date.isAfter(cutoff);
            case "death_date_implausible" -> event && table.equals("death")
                    && (date.isBefore(PROGRAM_START) || date.isAfter(cutoff));
            case "ehr_date_floor" -> event && source == Source.EHR
                    && date.getYear() <= (table.equals("observation") ? OBSERVATION_FLOOR_YEAR : EHR_FLOOR_YEAR);
            case "event_before_birth" -> event && birth != null && date.isBefore(birth);
            case "event_long_after_birth" -> event && birth != null && date.isAfter(birth.plusYears(MAXIMUM_AGE_YEARS));
            case "event_long_after_death" -> event && !table.equals("death") && death != null
                    && date.isAfter(death.plusDays(DAYS_AFTER_DEATH));
            case "fitbit_outside_consent_window" -> event && source == Source.FITBIT && consent != null
                    && date.isBefore(consent);
            default -> false;
        };
    }
}
