package org.cdrbuilder.steps.ingest.pm;

import com.fasterxml.jackson.databind.JsonNode;

/** The few FHIR element shapes the physical-measurement reader needs, read leniently from a Jackson tree. */
final class Fhir {
    static final String LOINC_SYSTEM = "http://loinc.org";
    static final String PM_SYSTEM = "http://terminology.pmi-ops.org/CodeSystem/physical-measurements";

    private Fhir() {
    }

    /** The trimmed text of {@code node.field}, or null when absent, not text or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().trim();
    }

    static String resourceType(JsonNode resource) {
        return text(resource, "resourceType");
    }

    /** The code of the first coding of {@code concept} (a CodeableConcept) in {@code system}, or null. */
    static String code(JsonNode concept, String system) {
        for (JsonNode coding : concept.path("coding")) {
            String code = text(coding, "code");
            if (code != null && system.equals(text(coding, "system"))) {
                return code;
            }
        }
        return null;
    }

    /** The reference text of a Reference element such as {@code subject}, or null. */
    static String reference(JsonNode owner, String field) {
        return text(owner.path(field), "reference");
    }

    /**
     * The participant number of a {@code Patient/P123456789} reference (also {@code Patient/123456789} and absolute
     * URLs ending so), or null when the reference names no participant.
     */
    static Long participantNumber(String reference) {
        if (reference == null) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        if (slash < 0 || !reference.substring(0, slash).endsWith("Patient")) {
            return null;
        }
        String id = reference.substring(slash + 1);
        if (id.startsWith("P") || id.startsWith("p")) {
            id = id.substring(1);
        }
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(id);
    }
}
