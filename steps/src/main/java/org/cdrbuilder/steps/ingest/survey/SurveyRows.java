package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/**
 * Builds the {@code survey_conduct} row of a response and the {@code observation} row of an answer, the program's
 * way: observations typed 45905771 (survey), question and answer as source values and PPI concepts, linked to
 * their survey_conduct row by {@code questionnaire_response_id}.
 */
final class SurveyRows {
    static final int SURVEY_OBSERVATION_TYPE = 45905771;

    private final Codings codings;
    private final TableDef conduct;
    private final TableDef observation;
    private final int valueAsString;

    SurveyRows(Codings codings) {
        this.codings = requireNonNull(codings, "codings is null");
        CdrSchema schema = CdrSchema.get();
        this.conduct = schema.table(SurveyResponseReader.CONDUCT_TABLE);
        this.observation = schema.table(SurveyResponseReader.OBSERVATION_TABLE);
        this.valueAsString = observation.indexOf("value_as_string");
    }

    TableDef conductTable() {
        return conduct;
    }

    Row conduct(long conductId, ResponseHeader h) {
        Row row = new Row(conduct);
        row.set("survey_conduct_id", conductId);
        row.set("person_id", h.personId());
        row.set("survey_concept_id", h.moduleConcept());
        row.set("survey_start_date", h.authored().toLocalDate());
        row.set("survey_start_datetime", h.authored());
        row.set("survey_end_date", h.authored().toLocalDate());
        row.set("survey_end_datetime", h.authored());
        row.set("assisted_concept_id", 0);
        row.set("respondent_type_concept_id", 0);
        row.set("timing_concept_id", 0);
        row.set("collection_method_concept_id", h.collectionMethod());
        row.set("survey_source_value", h.moduleCode());
        row.set("survey_source_concept_id", h.moduleConcept());
        row.set("survey_source_identifier", h.responseId());
        row.set("survey_version_number", h.version());
        return row;
    }

    /** An observation row without its id; question and answer concepts are 0 when their codes are unknown. */
    Row observation(long conductId, ResponseHeader h, String questionCode, AnswerValue value) {
        int questionConcept = codings.conceptOf(questionCode);
        Row row = new Row(observation);
        row.set("person_id", h.personId());
        row.set("observation_concept_id", questionConcept);
        row.set("observation_date", h.authored().toLocalDate());
        row.set("observation_datetime", h.authored());
        row.set("observation_type_concept_id", SURVEY_OBSERVATION_TYPE);
        row.set("observation_source_value", questionCode);
        row.set("observation_source_concept_id", questionConcept);
        row.set("questionnaire_response_id", conductId);
        if (value instanceof AnswerValue.Coded coded) {
            int answerConcept = codings.conceptOf(coded.code());
            row.set("value_as_concept_id", answerConcept);
            row.set("value_source_concept_id", answerConcept);
            row.set("value_source_value", coded.code());
        } else if (value instanceof AnswerValue.Text text) {
            // free text is suppressed by the privacy stage anyway; cutting it is no loss worth a quarantine
            row.set(valueAsString, truncate(text.text(), observation.column(valueAsString).maxLength()));
        } else if (value instanceof AnswerValue.Numeric numeric) {
            row.set("value_as_number", numeric.number());
        } else {
            throw new IllegalArgumentException("not a readable answer value: " + value);
        }
        return row;
    }

    /**
     * The first text column whose value is longer than the schema allows, or null when all fit. Source values
     * (question and answer codes: real ones exceed OMOP's 50 characters) are kept whole: every rule sees the code
     * as it was, and {@code source_values_truncated} cuts it to its column, counted, after the tier's privacy rules.
     */
    static ColumnDef firstTooLong(Row row) {
        TableDef table = row.table();
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            if (c.type() == ColumnType.VARCHAR && c.maxLength() > 0 && !ValueParser.isSourceValue(c)
                    && row.get(i) instanceof String s
                    && s.length() > c.maxLength()) {
                return c;
            }
        }
        return null;
    }

    static String truncate(String text, int maxLength) {
        if (maxLength <= 0 || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        // never split a surrogate pair
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
