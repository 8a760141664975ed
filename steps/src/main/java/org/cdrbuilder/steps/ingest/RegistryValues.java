package org.cdrbuilder.steps.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.validate.RecordMapper;
import org.cdrbuilder.core.validate.ValueException;

/**
 * How the participant system writes its registry, and which of its values may be lost without losing the
 * participant.
 *
 * <p>Coded values are accepted as the real system exports them, in any case and with surrounding blanks: the
 * state of residence as a code of its survey vocabulary ({@code PIIState_MA}) or as the postal code ({@code MA});
 * EHR consent as {@code yes}/{@code no} or {@code ConsentPermission_Yes}/{@code ConsentPermission_No}; the
 * enrollment status in this product's words or the participant system's ({@code MEMBER}, {@code FULL_PARTICIPANT},
 * {@code CORE_MINUS_PM} ...). ZIP codes keep their first five digits; a ZIP code that lost its leading zeros in a
 * spreadsheet ({@code 8540}) gets them back.
 *
 * <p>Only the fields that decide who may be published, and which of their data, quarantine a participant when
 * invalid: participant id, date of birth, primary consent, withdrawal and deactivation dates (an unreadable
 * withdrawal or deactivation date cannot be assumed absent). Every other invalid value is dropped, the participant
 * kept, and the drop reported with file, line, field and reason. A dropped EHR consent counts as no consent.
 */
public final class RegistryValues implements RecordMapper.FieldPolicy {
    /** Fields whose invalid value quarantines the participant. */
    static final Set<String> DECIDING = Set.of("participant_id", "date_of_birth", "primary_consent_date",
            "withdrawal_date", "deactivation_date");

    /** USPS codes of the states, the District of Columbia, the territories and the armed forces addresses. */
    static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
            "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW", "AA", "AE", "AP");

    private static final String STATE_PREFIX = "piistate_";
    private static final Map<String, String> CONSENT = Map.of(
            "yes", "yes", "y", "yes", "true", "yes", "consentpermission_yes", "yes",
            "no", "no", "n", "no", "false", "no", "consentpermission_no", "no");
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("registered", "registered"), Map.entry("interested", "registered"),
            Map.entry("participant", "participant"), Map.entry("member", "participant"),
            Map.entry("participant_plus_ehr", "participant"), Map.entry("participant_pmb_eligible", "participant"),
            Map.entry("core_minus_pm", "participant"), Map.entry("enrolled_participant", "participant"),
            Map.entry("core_participant", "core_participant"), Map.entry("full_participant", "core_participant"));

    static final RegistryValues INSTANCE = new RegistryValues();

    private RegistryValues() {
    }

    @Override
    public boolean lenient(String column) {
        return !DECIDING.contains(column);
    }

    @Override
    public String normalize(String column, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        return switch (column) {
            case "participant_id" -> t.charAt(0) == 'p' ? "P" + t.substring(1) : t;
            case "state" -> state(t);
            case "zip_code" -> zip(t);
            case "ehr_consent" -> coded(CONSENT, t, "not yes or no (yes, no, ConsentPermission_Yes, ConsentPermission_No)");
            case "enrollment_status" -> coded(STATUS, t, "not an enrollment status (registered, participant, "
                    + "core_participant, or the participant system's MEMBER, FULL_PARTICIPANT ...)");
            default -> t;
        };
    }

    /** The postal code of {@code PIIState_MA}, {@code ma} or {@code MA}. */
    static String state(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, STATE_PREFIX, 0, STATE_PREFIX.length())) {
            t = t.substring(STATE_PREFIX.length());
        }
        String code = t.toUpperCase(Locale.ROOT);
        if (!STATES.contains(code)) {
            throw new ValueException("not a US state or territory code (XX or PIIState_XX)");
        }
        return code;
    }

    /** The five digits of a registry ZIP code as ingest reads it, or null when it is not one. */
    public static String zipCodeOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return zip(text.strip());
        } catch (ValueException e) {
            return null;
        }
    }

    private static String zip(String t) {
        String digits = t.length() == 10 && t.charAt(5) == '-' ? t.substring(0, 5)
                : t.length() == 9 ? t.substring(0, 5) : t;
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                throw new ValueException("not a ZIP code (5 digits, or ZIP+4)");
            }
        }
        if (digits.length() == 3 || digits.length() == 4) {
            return "0".repeat(5 - digits.length()) + digits; // leading zeros lost in a spreadsheet
        }
        if (digits.length() != 5) {
            throw new ValueException("not a ZIP code (5 digits, or ZIP+4)");
        }
        return digits;
    }

    private static String coded(Map<String, String> codes, String t, String reason) {
        String v = codes.get(t.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new ValueException(reason);
        }
        return v;
    }
}
