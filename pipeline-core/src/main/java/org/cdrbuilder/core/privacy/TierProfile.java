package org.cdrbuilder.core.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseConfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a tier's release may contain ({@code config/tiers/<tier>.yaml}): every privacy rule reads its switches and
 * parameters from here, so tiers differ by data, not by code paths.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class TierProfile {
    public String name;
    public String description = "";
    /** cdm_source.cdm_source_name of the tier's release (at most 255 characters); unset: the tier's name. */
    public String cdmSourceName;
    /** cdm_source.cdm_source_abbreviation of the tier's release (at most 25 characters); unset: the tier's name. */
    public String cdmSourceAbbreviation;
    /** Shift every date and datetime of a participant back by a per-participant number of days. */
    public boolean shiftDates;
    public int maxShiftDays = 364;
    /**
     * Events dated on a participant's birth date, in a tier that does not shift dates (they would publish the exact
     * date of birth): {@code suppress} removes them (an observation period that would start on the birth date starts
     * the day after), {@code publish} keeps them. Tiers that shift dates publish them shifted, which is not the
     * birth date; there the setting must be {@code publish}. Unset: {@code publish} when dates are shifted,
     * {@code suppress} when not.
     */
    public String birthDateEvents;
    /** Exclude participants aged this or more at the cutoff (0 = keep everyone). */
    public int excludeAgeAtLeast;
    /** Generalize demographic answers to the program's coarse categories. */
    public Generalize generalize = new Generalize();
    /** States with fewer participants than this are generalized (0 = never). */
    public int stateMinimumParticipants = 200;
    /**
     * CSV ({@code site_id,state}) of the EHR sites' states, relative to the profile file: a participant with EHR from
     * a site in another state than theirs (or from a site the file does not place) gets a generalized state. Unset:
     * no such check.
     */
    public String siteStates;
    /** ZIP code answers: {@code remove} or {@code first3}. */
    public String zipCode = "remove";
    /** CSV (concept_id, reason) of concepts whose rows are suppressed; relative to the profile file. */
    public String suppressedConcepts;
    /** Tables always published empty. */
    public List<String> emptyTables = new ArrayList<>(List.of("note", "location", "provider", "care_site"));
    /** Text columns kept as they are (enumerations such as Fitbit levels); every other text column is checked. */
    public List<String> keepTextColumns = new ArrayList<>();
    /** Mask Fitbit device ids. */
    public boolean maskDeviceIds = true;

    /** Which demographic generalizations apply. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Generalize {
        public boolean race;
        public boolean genderIdentity;
        public boolean sexualOrientation;
        public boolean sexAtBirth;
        public boolean education;
        public boolean employment;
        /** Question and answer concept ids of the generalizations (the program's custom concepts). */
        public Map<String, Integer> concepts = new LinkedHashMap<>();
    }

    private Path file;

    public static TierProfile read(Path file) {
        TierProfile p = ReleaseConfig.readYaml(file, TierProfile.class);
        if (p == null || p.name == null || p.name.isBlank()) {
            throw new ConfigException(file + ": a tier profile needs a name");
        }
        if (!p.zipCode.equals("remove") && !p.zipCode.equals("first3")) {
            throw new ConfigException(file + ": zip_code must be remove or first3");
        }
        if (p.birthDateEvents == null) {
            p.birthDateEvents = p.shiftDates ? "publish" : "suppress";
        }
        if (!p.birthDateEvents.equals("suppress") && !p.birthDateEvents.equals("publish")) {
            throw new ConfigException(file + ": birth_date_events must be suppress or publish");
        }
        if (p.shiftDates && !p.birthDateEvents.equals("publish")) {
            throw new ConfigException(file + ": birth_date_events applies to tiers that do not shift dates (shifted "
                    + "dates are not the birth date); set it to publish");
        }
        if (p.cdmSourceName == null || p.cdmSourceName.isBlank()) {
            p.cdmSourceName = p.name;
        }
        if (p.cdmSourceAbbreviation == null || p.cdmSourceAbbreviation.isBlank()) {
            p.cdmSourceAbbreviation = p.name;
        }
        if (p.cdmSourceName.strip().length() > 255) {
            throw new ConfigException(file + ": cdm_source_name has more than the 255 characters of cdm_source");
        }
        if (p.cdmSourceAbbreviation.strip().length() > 25) {
            throw new ConfigException(file + ": cdm_source_abbreviation has " + p.cdmSourceAbbreviation.strip().length()
                    + " characters; cdm_source.cdm_source_abbreviation holds at most 25");
        }
        if (p.maxShiftDays < 1) {
            throw new ConfigException(file + ": max_shift_days must be >= 1");
        }
        p.file = file;
        return p;
    }

    /** Whether rows dated on the birth date are removed (tiers with real dates, policy suppress). */
    public boolean suppressBirthDateEvents() {
        return !shiftDates && birthDateEvents.equals("suppress");
    }

    /** A data file named by the profile, relative to the profile's folder. */
    public Path resolve(String relative) {
        return file.getParent().resolve(relative);
    }
}
