package org.cdrbuilder.steps.ingest.survey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code questionnaire} a response answers, as written: a Reference ({@code Questionnaire/TheBasics},
 * {@code Questionnaire/21/_history/3}) in DSTU2/STU3, a canonical URL ({@code https://.../Questionnaire/TheBasics|v2})
 * in R4.
 *
 * @param base the reference without its version ({@code https://.../Questionnaire/TheBasics})
 * @param id its last path segment ({@code TheBasics}, {@code 21})
 * @param version the version after {@code |} or {@code /_history/}, or null
 */
record QuestionnaireReference(String base, String id, String version) {

    /** The reference of a response's {@code questionnaire} element, or null when it has none. */
    static QuestionnaireReference of(JsonNode questionnaire) {
        if (questionnaire == null) {
            return null;
        }
        JsonNode text = questionnaire.isObject() ? questionnaire.get("reference") : questionnaire;
        return text != null && text.isTextual() ? parse(text.asText()) : null;
    }

    /** Parses a reference or canonical URL; null when it names nothing. */
    static QuestionnaireReference parse(String reference) {
        String base = reference.trim();
        String version = null;
        int bar = base.indexOf('|');
        if (bar >= 0) {
            version = base.substring(bar + 1);
            base = base.substring(0, bar);
        }
        int history = base.indexOf("/_history/");
        if (history >= 0) {
            if (version == null) {
                version = base.substring(history + "/_history/".length());
            }
            base = base.substring(0, history);
        }
        String id = base.substring(base.lastIndexOf('/') + 1);
        // "Questionnaire/" or "Questionnaire" names the resource type, not a questionnaire
        if (id.isEmpty() || id.equals("Questionnaire")) {
            return null;
        }
        return new QuestionnaireReference(base, id, version == null || version.isEmpty() ? null : version);
    }

    /**
     * The module code the reference names, or null when it is a server's numeric id ({@code Questionnaire/21}),
     * which only a Questionnaire resource can resolve.
     */
    String moduleCode() {
        return id.chars().allMatch(c -> c >= '0' && c <= '9') ? null : id;
    }
}
