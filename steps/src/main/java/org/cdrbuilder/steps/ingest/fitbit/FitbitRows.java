package org.cdrbuilder.steps.ingest.fitbit;

import static java.util.Objects.requireNonNull;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.ValueException;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.core.JsonParser;

/**
 * The rows of one participant's Fitbit file on their way to the sink: new rows carry the person id, values are
 * converted by their column's type, and elements that cannot be used are quarantined with their JSON pointer and
 * the line they start on.
 */
final class FitbitRows {
    private final long personId;
    private final IngestSink sink;

    FitbitRows(long personId, IngestSink sink) {
        this.personId = personId;
        this.sink = requireNonNull(sink, "sink is null");
    }

    /**
     * A new row of {@code table} for this participant, labelled with the portal as its source (what harmonization
     * would set: a staged Fitbit file it has nothing to change in is taken unchanged).
     */
    Row row(TableDef table) {
        Row r = new Row(table).set("person_id", personId);
        int src = table.indexOfOrMinus1("src_id");
        if (src >= 0) {
            r.set(src, org.cdrbuilder.steps.common.ParticipantPortal.SOURCE_ID);
        }
        return r;
    }

    void accept(Row row) {
        sink.accept(row);
    }

    /** Sets {@code column} from {@code value} (null when absent); throws {@link BadField} when it cannot. */
    void set(Row row, String column, JsonValue value) {
        try {
            row.set(column, JsonValue.convert(row.table().column(column), value));
        } catch (ValueException e) {
            throw bad(column, e, value);
        }
    }

    /** Like {@link #set} but a missing value is a bad field. */
    void setRequired(Row row, String column, JsonValue value) {
        try {
            row.set(column, JsonValue.required(row.table().column(column), value));
        } catch (ValueException e) {
            throw bad(column, e, value);
        }
    }

    static BadField bad(String column, ValueException e, JsonValue value) {
        return new BadField(new Violation(column, e.getMessage(), value == null ? null : value.text()));
    }

    void quarantine(TableDef table, long line, String pointer, Violation violation) {
        sink.quarantine(table.name(), line, pointer, violation);
    }

    /** Quarantines the element the parser has just finished (its pointer is the parser's current path). */
    void quarantineHere(TableDef table, long line, JsonParser p, Violation violation) {
        quarantine(table, line, Pointers.here(p), violation);
    }

    /** The one entry (in activity_summary) for a file whose endpoint is not recognised; {@code found} says what it holds. */
    void unrecognised(String found) {
        sink.quarantine(WearableTables.ACTIVITY_SUMMARY.name(), null, null,
                new Violation(null, "not a recognised Fitbit response", found));
    }

    void fileProblem(TableDef table, Long line, String pointer, String reason, String value) {
        sink.quarantine(table.name(), line, pointer, new Violation(null, reason, value));
    }
}
