package org.cdrbuilder.steps.ingest.survey;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a survey was collected: by telephone (CATI, an interviewer entering the answers) when an extension, the
 * {@code source} or the {@code author} of the response says {@code telephone} or {@code CATI}; electronically
 * otherwise (the participant portal).
 */
final class CollectionMethod {
    static final int TELEPHONE = 42530794;
    static final int ELECTRONIC = 42531021;

    // whole words only: "cati" is also inside "communication" and "education"
    private static final Pattern TELEPHONE_WORD = Pattern.compile("(?i)(?<![a-z0-9])(cati|telephone)(?![a-z0-9])");

    private CollectionMethod() {
    }

    /** The collection method concept of a QuestionnaireResponse. */
    static int of(JsonNode response) {
        for (String element : new String[] {"extension", "source", "author"}) {
            if (saysTelephone(response.get(element))) {
                return TELEPHONE;
            }
        }
        return ELECTRONIC;
    }

    private static boolean saysTelephone(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return TELEPHONE_WORD.matcher(node.asText()).find();
        }
        for (JsonNode child : node) {
            if (saysTelephone(child)) {
                return true;
            }
        }
        return false;
    }
}
