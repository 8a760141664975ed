package org.cdrbuilder.core.registry;

import java.time.LocalDate;

/**
 * A participant of the registry as the pipeline needs it. Direct identifiers (name, email, phone, street address)
 * are not part of this type: they never leave the registry reader.
 *
 * @param number the number in the participant id ({@code P123} -> 123); sites use it as person_id
 */
public record Participant(
        long number,
        LocalDate birthDate,
        LocalDate primaryConsentDate,
        boolean ehrConsent,
        LocalDate ehrConsentDate,
        LocalDate withdrawalDate,
        LocalDate deactivationDate,
        String hpoSiteId,
        String enrollmentStatus,
        LocalDate coreParticipantDate,
        LocalDate biospecimenDate,
        String state,
        String zipCode) implements java.io.Serializable {

    public boolean hasPrimaryConsent() {
        return primaryConsentDate != null;
    }

    public boolean withdrawn() {
        return withdrawalDate != null;
    }

    /** Parses {@code P123456789} (or a bare number) into its number; returns -1 when malformed. */
    public static long parseNumber(String participantId) {
        if (participantId == null) {
            return -1;
        }
        String t = participantId.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 18) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(t);
    }
}
