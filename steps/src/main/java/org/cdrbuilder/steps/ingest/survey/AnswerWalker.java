package org.cdrbuilder.steps.ingest.survey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Visits every answer of a QuestionnaireResponse in document order, with the question it answers and its JSON
 * pointer, in both shapes: R4 {@code item[]} (nested {@code item[]}, answers with nested {@code item[]}) and DSTU2
 * {@code group} (nested {@code group[]} and {@code question[]}, answers with nested {@code group[]}). An element
 * with an {@code answer} array is a question; a question without answers yields nothing.
 */
final class AnswerWalker {
    private static final String[] CHILDREN = {"item", "group", "question"};

    /** Receives each answer. */
    @FunctionalInterface
    interface Visitor {
        void answer(JsonNode question, JsonNode answer, String pointer);
    }

    private AnswerWalker() {
    }

    /** Walks the answers of {@code response}, found at {@code pointer} ("" for the whole document). */
    static void walk(JsonNode response, String pointer, Visitor visitor) {
        children(response, pointer, visitor);
    }

    private static void children(JsonNode node, String pointer, Visitor visitor) {
        for (String key : CHILDREN) {
            JsonNode child = node.get(key);
            if (child == null) {
                continue;
            }
            if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    element(child.get(i), pointer + "/" + key + "/" + i, visitor);
                }
            } else {
                // the DSTU2 root group is a single object
                element(child, pointer + "/" + key, visitor);
            }
        }
    }

    private static void element(JsonNode element, String pointer, Visitor visitor) {
        if (!element.isObject()) {
            return;
        }
        JsonNode answers = element.get("answer");
        if (answers != null && answers.isArray()) {
            for (int j = 0; j < answers.size(); j++) {
                answer(element, answers.get(j), pointer + "/answer/" + j, visitor);
            }
        } else if (answers != null && !answers.isNull()) {
            // a lone answer not wrapped in an array is still an answer (read, or quarantined, like the others)
            answer(element, answers, pointer + "/answer", visitor);
        }
        children(element, pointer, visitor);
    }

    private static void answer(JsonNode question, JsonNode answer, String pointer, Visitor visitor) {
        visitor.answer(question, answer, pointer);
        if (answer.isObject()) {
            children(answer, pointer, visitor);
        }
    }
}
