package org.cdrbuilder.steps.ingest.survey;

import org.cdrbuilder.core.registry.Participant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The participant a response is about: {@code subject.reference} = {@code Patient/P123456789} (person 123456789),
 * also as an absolute URL ({@code https://.../Patient/P123456789}) or a bare participant id or number.
 */
final class SubjectReference {
    private SubjectReference() {
    }

    /** The reference text of a response's {@code subject}, or null. */
    static String text(JsonNode subject) {
        JsonNode reference = subject == null ? null : subject.get("reference");
        return reference != null && reference.isTextual() ? reference.asText() : null;
    }

    /** The participant number the reference names, or -1 when it names no participant. */
    static long personId(String reference) {
        if (reference == null) {
            return -1;
        }
        String t = reference.trim();
        int history = t.indexOf("/_history/");
        if (history >= 0) {
            t = t.substring(0, history);
        }
        int slash = t.lastIndexOf('/');
        if (slash >= 0) {
            String type = t.substring(t.lastIndexOf('/', slash - 1) + 1, slash);
            if (!type.equals("Patient")) {
                return -1;
            }
            t = t.substring(slash + 1);
        }
        return Participant.parseNumber(t);
    }
}
