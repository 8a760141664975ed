package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends each FHIR resource of a parsed JSON value where it belongs: QuestionnaireResponses to the
 * {@link ResponseMapper}, Questionnaires to the {@link QuestionnaireIndex}, the entries of a Bundle back through the
 * router. Other resource types are not survey data and are skipped without being counted; JSON that is not a
 * resource at all is quarantined.
 */
final class ResourceRouter {
    private final ResponseMapper responses;
    private final QuestionnaireIndex questionnaires;
    private final IngestSink sink;

    ResourceRouter(ResponseMapper responses, QuestionnaireIndex questionnaires, IngestSink sink) {
        this.responses = requireNonNull(responses, "responses is null");
        this.questionnaires = requireNonNull(questionnaires, "questionnaires is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Routes {@code node}, found at {@code pointer} ("" for the whole document) of the given line (or null). */
    void route(JsonNode node, Long line, String pointer) {
        String type = resourceType(node);
        if (type == null) {
            String reason = node.isObject() ? "not a FHIR resource (no resourceType)"
                    : "not a FHIR resource (expected a JSON object)";
            sink.quarantine(SurveyResponseReader.CONDUCT_TABLE, line, pointer.isEmpty() ? null : pointer,
                    new Violation(null, reason, null));
            return;
        }
        switch (type) {
            case "QuestionnaireResponse" -> responses.map(node, line, pointer);
            case "Questionnaire" -> questionnaires.add(node);
            case "Bundle" -> bundle(node, line, pointer);
            default -> {
                if (pointer.isEmpty()) {
                    // a whole line or file of another resource type: not survey data, quarantined with its type
                    sink.quarantine(SurveyResponseReader.CONDUCT_TABLE, line, null, new Violation("resourceType",
                            "a resource of type " + type + ", not survey data (expected QuestionnaireResponse, "
                                    + "Questionnaire or Bundle)", null));
                }
                // inside a Bundle: another entry of the document (Patient, Organization ...), not a survey row
            }
        }
    }

    private void bundle(JsonNode bundle, Long line, String pointer) {
        JsonNode entries = bundle.path("entry");
        // Questionnaires first, so that a response may precede the Questionnaire it refers to
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            if ("Questionnaire".equals(resourceType(resource))) {
                questionnaires.add(resource);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).get("resource");
            if (resource != null && !"Questionnaire".equals(resourceType(resource))) {
                route(resource, line, pointer + "/entry/" + i + "/resource");
            }
        }
    }

    private static String resourceType(JsonNode node) {
        JsonNode type = node.get("resourceType");
        return type != null && type.isTextual() ? type.asText() : null;
    }
}
