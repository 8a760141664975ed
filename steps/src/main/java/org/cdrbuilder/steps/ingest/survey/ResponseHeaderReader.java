package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the response-level elements of a QuestionnaireResponse (subject, authored, id, questionnaire, collection
 * method) into a {@link ResponseHeader}, or says why the response is unusable: no participant, no authored time, or
 * an id or module that does not fit its survey_conduct column.
 */
final class ResponseHeaderReader {

    /** The header, or why there is none. */
    sealed interface Result permits Usable, Unusable {
    }

    record Usable(ResponseHeader header) implements Result {
    }

    /** The pointer (relative to the response) and violation of the survey_conduct source row. */
    record Unusable(String pointer, Violation violation) implements Result {
    }

    private record Problem(String pointer, String field, String reason, String value) {
    }

    /** The response's id and where it was found. */
    private record ResponseId(String value, String pointer) {
    }

    private final Codings codings;
    private final QuestionnaireIndex questionnaires;
    private final TableDef conduct;

    ResponseHeaderReader(Codings codings, QuestionnaireIndex questionnaires, TableDef conduct) {
        this.codings = requireNonNull(codings, "codings is null");
        this.questionnaires = requireNonNull(questionnaires, "questionnaires is null");
        this.conduct = requireNonNull(conduct, "conduct is null");
    }

    Result read(JsonNode response) {
        List<Problem> problems = new ArrayList<>();
        long personId = personId(response.get("subject"), problems);
        LocalDateTime authored = authored(response.get("authored"), problems);
        ResponseId responseId = responseId(response);
        QuestionnaireReference reference = QuestionnaireReference.of(response.get("questionnaire"));
        QuestionnaireIndex.Entry questionnaire = questionnaires.find(reference);
        String module = moduleCode(reference, questionnaire);
        String version = reference == null ? null : reference.version();
        fits(problems, responseId.pointer(), "survey_source_identifier", responseId.value());
        fits(problems, "/questionnaire", "survey_source_value", module);
        fits(problems, "/questionnaire", "survey_version_number", version);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            String reason = problems.stream().map(Problem::reason).collect(Collectors.joining("; "));
            return new Unusable(first.pointer(), new Violation(first.field(), reason, first.value()));
        }
        return new Usable(new ResponseHeader(personId, authored, responseId.value(), module, codings.conceptOf(module),
                version, CollectionMethod.of(response), questionnaire));
    }

    private static long personId(JsonNode subject, List<Problem> problems) {
        String reference = SubjectReference.text(subject);
        long personId = SubjectReference.personId(reference);
        if (personId < 0) {
            problems.add(new Problem("/subject", "person_id", reference == null ? "no subject reference"
                    : "subject is not a participant (expected Patient/P<digits>)", reference));
        }
        return personId;
    }

    private static LocalDateTime authored(JsonNode authored, List<Problem> problems) {
        if (authored == null || authored.isNull()) {
            problems.add(new Problem("/authored", "survey_end_datetime", "no authored time", null));
            return null;
        }
        if (!authored.isTextual()) {
            problems.add(new Problem("/authored", "survey_end_datetime", "authored is not a JSON string",
                    authored.toString()));
            return null;
        }
        try {
            return ValueParser.parseTimestamp(authored.asText());
        } catch (ValueException e) {
            problems.add(new Problem("/authored", "survey_end_datetime", "authored is " + e.getMessage(),
                    authored.asText()));
            return null;
        }
    }

    // QuestionnaireResponse.identifier is a single Identifier; a list is accepted and its first one used
    private static ResponseId responseId(JsonNode response) {
        String id = text(response.get("id"));
        if (id != null) {
            return new ResponseId(id, "/id");
        }
        JsonNode identifier = response.get("identifier");
        JsonNode first = identifier != null && identifier.isArray() ? identifier.get(0) : identifier;
        return new ResponseId(first == null ? null : text(first.get("value")), "/identifier");
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String moduleCode(QuestionnaireReference reference, QuestionnaireIndex.Entry questionnaire) {
        if (questionnaire != null && questionnaire.moduleCode() != null) {
            return questionnaire.moduleCode();
        }
        return reference == null ? null : reference.moduleCode();
    }

    // a value cut to fit would be a different id or module; such a response is quarantined instead
    private void fits(List<Problem> problems, String pointer, String column, String value) {
        int max = conduct.column(column).maxLength();
        if (value != null && max > 0 && value.length() > max) {
            problems.add(new Problem(pointer, column,
                    column + " longer than " + max + " characters (" + value.length() + ")", value));
        }
    }
}
