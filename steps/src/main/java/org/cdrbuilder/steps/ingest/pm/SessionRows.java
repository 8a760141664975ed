package org.cdrbuilder.steps.ingest.pm;

import java.time.LocalDateTime;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueParser;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.ingest.IngestSink;

/**
 * Writes the rows of one usable session: its visit, then one measurement per reading and per computed mean, all
 * pointing to the visit. Concepts are looked up by code (LOINC, PPI, UCUM), 0 when the vocabulary lacks the code.
 */
final class SessionRows {
    static final String VISIT_TABLE = "visit_occurrence";
    static final String MEASUREMENT_TABLE = "measurement";
    static final int OUTPATIENT_VISIT = 9202;
    static final int CLINICAL_STUDY_VISIT = 44818519;
    static final int PHYSICAL_MEASUREMENT_TYPE = 44818701;

    private static final TableDef VISIT = CdrSchema.get().table(VISIT_TABLE);
    private static final TableDef MEASUREMENT = CdrSchema.get().table(MEASUREMENT_TABLE);

    private final Vocabulary vocabulary;
    private final IngestSink sink;
    private final SessionHeader session;
    private final Long line;
    private long visitId = -1;

    SessionRows(Vocabulary vocabulary, IngestSink sink, SessionHeader session, Long line) {
        this.vocabulary = vocabulary;
        this.sink = sink;
        this.session = session;
        this.line = line;
    }

    /** Writes the session's visit; must come before its measurements. */
    void visit() {
        visitId = sink.nextLocalId(VISIT_TABLE);
        Row row = new Row(VISIT)
                .set("visit_occurrence_id", visitId)
                .set("person_id", session.personId())
                .set("visit_concept_id", OUTPATIENT_VISIT)
                .set("visit_start_date", session.time().toLocalDate())
                .set("visit_start_datetime", session.time())
                .set("visit_end_date", session.time().toLocalDate())
                .set("visit_end_datetime", session.time())
                .set("visit_type_concept_id", CLINICAL_STUDY_VISIT)
                .set("visit_source_value", session.visitSourceValue());
        sink.accept(row);
    }

    void reading(Reading r) {
        Row row = measurement(r.loinc(), r.time(), r.sourceCode(), r.sourceVocabulary());
        if (r.quantity() != null) {
            quantity(row, r.quantity().value().doubleValue(), r.quantity().unit());
            row.set("value_source_value", r.quantity().asWritten());
        } else {
            row.set("value_as_concept_id", concept(r.answer().vocabulary(), r.answer().code()));
            row.set("value_source_value", r.answer().code());
        }
        write(row, r.pointer());
    }

    void mean(SessionMeans.Mean m) {
        MeasurementKind kind = m.kind();
        Row row = measurement(kind.primaryLoinc(), session.time(), kind.code(ProgramCode.MEAN), "PPI");
        quantity(row, m.value().doubleValue(), kind.meanUnit());
        write(row, null);
    }

    private Row measurement(String loinc, LocalDateTime time, String sourceCode, String sourceVocabulary) {
        return new Row(MEASUREMENT)
                .set("person_id", session.personId())
                .set("measurement_concept_id", concept("LOINC", loinc))
                .set("measurement_date", time.toLocalDate())
                .set("measurement_datetime", time)
                .set("measurement_type_concept_id", PHYSICAL_MEASUREMENT_TYPE)
                .set("visit_occurrence_id", visitId)
                .set("measurement_source_value", sourceCode)
                .set("measurement_source_concept_id", concept(sourceVocabulary, sourceCode));
    }

    private void quantity(Row row, double value, String unit) {
        row.set("value_as_number", value)
                .set("unit_concept_id", concept("UCUM", unit))
                .set("unit_source_value", unit);
    }

    /** Accepts the row with a new id, or quarantines it when a text value does not fit its column. */
    private void write(Row row, String pointer) {
        Violation tooLong = tooLong(row);
        if (tooLong != null) {
            sink.quarantine(MEASUREMENT_TABLE, line, pointer, tooLong);
            return;
        }
        sink.accept(row.set("measurement_id", sink.nextLocalId(MEASUREMENT_TABLE)));
    }

    private int concept(String vocabularyId, String code) {
        return code == null ? 0 : vocabulary.conceptByCode(vocabularyId, code).orElse(0);
    }

    private static Violation tooLong(Row row) {
        for (int i = 0; i < row.table().columnCount(); i++) {
            ColumnDef c = row.table().column(i);
            // source values are kept whole; source_values_truncated cuts them, counted
            if (c.type() == ColumnType.VARCHAR && c.maxLength() > 0 && !ValueParser.isSourceValue(c)
                    && row.get(i) instanceof String s && s.length() > c.maxLength()) {
                return new Violation(c.name(), "longer than " + c.maxLength() + " characters (" + s.length() + ")", s);
            }
        }
        return null;
    }
}
