package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Questionnaire resources met so far in one file, by id and by canonical URL: each one's module code and the
 * question code of each {@code linkId}. Responses usually name their questions by {@code linkId} only (e.g.
 * {@code 5690}); the Questionnaire says that {@code 5690} is {@code TheBasics_Birthplace}.
 */
final class QuestionnaireIndex {

    /**
     * What a Questionnaire says about its responses.
     *
     * @param moduleCode the code of the questionnaire's own concept (e.g. {@code TheBasics}), or null
     * @param codesByLinkId the code of each coded item or question, by linkId
     */
    record Entry(String moduleCode, Map<String, String> codesByLinkId) {
        Entry {
            codesByLinkId = Map.copyOf(codesByLinkId);
        }

        String codeOf(String linkId) {
            return linkId == null ? null : codesByLinkId.get(linkId);
        }
    }

    private final Codings codings;
    private final Map<String, Entry> byKey = new HashMap<>();

    QuestionnaireIndex(Codings codings) {
        this.codings = requireNonNull(codings, "codings is null");
    }

    /** Remembers a Questionnaire resource; one with neither id nor url cannot be referred to and is ignored. */
    void add(JsonNode questionnaire) {
        String id = text(questionnaire.get("id"));
        String url = text(questionnaire.get("url"));
        if (id == null && url == null) {
            return;
        }
        JsonNode root = questionnaire.path("group");
        String module = root.isObject() ? codings.codeOf(root) : null;
        if (module == null) {
            module = codings.codeOf(questionnaire);
        }
        Map<String, String> codes = new HashMap<>();
        collect(questionnaire, codes);
        Entry entry = new Entry(module, codes);
        if (id != null) {
            byKey.put(id, entry);
        }
        if (url != null) {
            byKey.put(url, entry);
        }
    }

    /** The Questionnaire a reference points to, by canonical URL or by id; null when not seen. */
    Entry find(QuestionnaireReference reference) {
        if (reference == null) {
            return null;
        }
        Entry entry = byKey.get(reference.base());
        return entry != null ? entry : byKey.get(reference.id());
    }

    private void collect(JsonNode node, Map<String, String> codes) {
        for (String key : new String[] {"group", "question", "item"}) {
            JsonNode children = node.get(key);
            if (children == null) {
                continue;
            }
            for (JsonNode child : children.isArray() ? children : List.of(children)) {
                if (!child.isObject()) {
                    continue;
                }
                String linkId = text(child.get("linkId"));
                String code = codings.codeOf(child);
                if (linkId != null && code != null) {
                    codes.putIfAbsent(linkId, code);
                }
                collect(child, codes);
            }
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
