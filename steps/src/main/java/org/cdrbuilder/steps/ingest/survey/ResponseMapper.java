package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one QuestionnaireResponse into rows: its survey_conduct row, then one observation row per answer in
 * document order. An unusable response quarantines its survey_conduct source row and every one of its answers; an
 * answer that cannot be read (or whose question or answer code does not fit its column) quarantines that answer
 * only. The question code is the question's own concept/code, else the code the referenced Questionnaire gives its
 * {@code linkId}, else the {@code linkId} itself.
 */
final class ResponseMapper {
    private static final String OBSERVATION = SurveyResponseReader.OBSERVATION_TABLE;
    private static final String CONDUCT = SurveyResponseReader.CONDUCT_TABLE;

    private final Codings codings;
    private final SurveyRows rows;
    private final ResponseHeaderReader headers;
    private final IngestSink sink;

    ResponseMapper(Codings codings, SurveyRows rows, QuestionnaireIndex questionnaires, IngestSink sink) {
        this.codings = requireNonNull(codings, "codings is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.headers = new ResponseHeaderReader(codings, questionnaires, rows.conductTable());
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Maps the response found at {@code pointer} ("" for the whole document) of the given line (or null). */
    void map(JsonNode response, Long line, String pointer) {
        ResponseHeaderReader.Result result = headers.read(response);
        if (result instanceof ResponseHeaderReader.Unusable unusable) {
            quarantineAll(response, line, pointer, unusable);
            return;
        }
        ResponseHeader header = ((ResponseHeaderReader.Usable) result).header();
        long conductId = sink.nextLocalId(CONDUCT);
        sink.accept(rows.conduct(conductId, header));
        AnswerWalker.walk(response, pointer, (question, answer, at) -> answer(conductId, header, question, answer,
                line, at));
    }

    private void quarantineAll(JsonNode response, Long line, String pointer,
                               ResponseHeaderReader.Unusable unusable) {
        sink.quarantine(CONDUCT, line, pointer + unusable.pointer(), unusable.violation());
        Violation each = new Violation(null, "response is unusable: " + unusable.violation().reason(), null);
        AnswerWalker.walk(response, pointer, (question, answer, at) -> sink.quarantine(OBSERVATION, line, at, each));
    }

    private void answer(long conductId, ResponseHeader header, JsonNode question, JsonNode answer, Long line,
                        String pointer) {
        String code = questionCode(question, header.questionnaire());
        if (code == null) {
            sink.quarantine(OBSERVATION, line, pointer,
                    new Violation("observation_source_value", "question has neither a code nor a linkId", null));
            return;
        }
        AnswerValue value = AnswerValueReader.read(answer);
        if (value instanceof AnswerValue.Invalid invalid) {
            sink.quarantine(OBSERVATION, line, pointer, invalid.violation());
            return;
        }
        Row row = rows.observation(conductId, header, code, value);
        ColumnDef tooLong = SurveyRows.firstTooLong(row);
        if (tooLong != null) {
            String text = (String) row.get(tooLong.name());
            sink.quarantine(OBSERVATION, line, pointer, new Violation(tooLong.name(),
                    "longer than " + tooLong.maxLength() + " characters (" + text.length() + ")", text));
            return;
        }
        if ((Integer) row.get("observation_source_concept_id") == 0) {
            sink.warn(OBSERVATION, line, pointer, "question code not in the vocabulary (staged with concept 0)");
        }
        if (row.get("value_source_value") != null && (Integer) row.get("value_source_concept_id") == 0) {
            sink.warn(OBSERVATION, line, pointer, "answer code not in the vocabulary (staged with concept 0)");
        }
        row.set("observation_id", sink.nextLocalId(OBSERVATION));
        sink.accept(row);
    }

    private String questionCode(JsonNode question, QuestionnaireIndex.Entry questionnaire) {
        String code = codings.codeOf(question);
        if (code != null) {
            return code;
        }
        JsonNode linkId = question.get("linkId");
        String link = linkId != null && linkId.isTextual() && !linkId.asText().isBlank() ? linkId.asText() : null;
        String fromQuestionnaire = questionnaire == null ? null : questionnaire.codeOf(link);
        return fromQuestionnaire != null ? fromQuestionnaire : link;
    }
}
