package org.cdrbuilder.steps.ingest.pm;

import java.time.LocalDateTime;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.core.validate.Violation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who and when of one physical-measurement session: the participant of the Composition's subject and the
 * Composition's date (in UTC). A Bundle without a Composition takes the subject of its first Observation and the
 * Bundle's timestamp.
 *
 * @param visitSourceValue the Bundle id when it fits visit_source_value, else {@value #DEFAULT_SOURCE_VALUE}
 */
record SessionHeader(long personId, LocalDateTime time, String visitSourceValue) {
    static final String DEFAULT_SOURCE_VALUE = "PM session";
    private static final int SOURCE_VALUE_LENGTH = 50;
    private static final String UNUSABLE = "session is unusable: ";

    /** Why a session cannot be read; every row it would have produced is quarantined with this violation. */
    static final class UnusableSession extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        UnusableSession(String field, String reason, String value) {
            super(UNUSABLE + reason);
            this.violation = new Violation(field, UNUSABLE + reason, value);
        }

        Violation violation() {
            return violation;
        }
    }

    /** Reads the header of {@code bundle}; {@code composition} is its Composition resource, or null. */
    static SessionHeader of(JsonNode bundle, JsonNode composition) throws UnusableSession {
        if (composition != null && "entered-in-error".equals(Fhir.text(composition, "status"))) {
            throw new UnusableSession("status", "the session was entered in error", null);
        }
        long person = person(composition != null ? Fhir.reference(composition, "subject") : firstSubject(bundle));
        LocalDateTime time = time(composition != null ? Fhir.text(composition, "date") : null, bundle);
        String id = Fhir.text(bundle, "id");
        String source = id != null && id.length() <= SOURCE_VALUE_LENGTH ? id : DEFAULT_SOURCE_VALUE;
        return new SessionHeader(person, time, source);
    }

    private static long person(String reference) throws UnusableSession {
        if (reference == null) {
            throw new UnusableSession("subject", "no subject", null);
        }
        Long person = Fhir.participantNumber(reference);
        if (person == null) {
            throw new UnusableSession("subject", "the subject is not a participant reference", reference);
        }
        return person;
    }

    private static LocalDateTime time(String compositionDate, JsonNode bundle) throws UnusableSession {
        String text = compositionDate != null ? compositionDate : Fhir.text(bundle, "timestamp");
        if (text == null) {
            throw new UnusableSession("date", "no session time", null);
        }
        try {
            return ValueParser.parseTimestamp(text);
        } catch (ValueException e) {
            throw new UnusableSession("date", "the session time is " + e.getMessage(), text);
        }
    }

    private static String firstSubject(JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Observation".equals(Fhir.resourceType(resource)) && Fhir.reference(resource, "subject") != null) {
                return Fhir.reference(resource, "subject");
            }
        }
        return null;
    }
}
