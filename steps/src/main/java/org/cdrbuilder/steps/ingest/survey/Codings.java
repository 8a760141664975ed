package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.vocab.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the code that names a question or a module from its FHIR codings ({@code concept[]} in DSTU2,
 * {@code code[]} in R4): the first code that is a PPI concept, else the first code given. Elements sometimes carry
 * several codings (e.g. a questionnaire coded both {@code intake-demographics} and {@code TheBasics}); the PPI one
 * is the one the vocabulary can resolve.
 */
final class Codings {
    static final String VOCABULARY = "PPI";

    private final Vocabulary vocabulary;

    Codings(Vocabulary vocabulary) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** The code of {@code element}'s {@code concept[]} or {@code code[]} codings, or null when it has none. */
    String codeOf(JsonNode element) {
        String code = pick(element.get("concept"));
        return code != null ? code : pick(element.get("code"));
    }

    /** The PPI concept id of {@code code}, or 0 (OMOP's "no matching concept") when unknown. */
    int conceptOf(String code) {
        return code == null ? 0 : vocabulary.conceptByCode(VOCABULARY, code).orElse(0);
    }

    private String pick(JsonNode codings) {
        if (codings == null || !codings.isArray()) {
            return null;
        }
        String first = null;
        for (JsonNode coding : codings) {
            JsonNode code = coding.get("code");
            if (code == null || !code.isTextual() || code.asText().isBlank()) {
                continue;
            }
            if (conceptOf(code.asText()) != 0) {
                return code.asText();
            }
            if (first == null) {
                first = code.asText();
            }
        }
        return first;
    }
}
