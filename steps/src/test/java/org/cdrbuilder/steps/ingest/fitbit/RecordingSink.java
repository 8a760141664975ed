package org.cdrbuilder.steps.ingest.fitbit;

import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;

/** An {@link IngestSink} that keeps everything it is given, in order. */
final class RecordingSink implements IngestSink {
    /** One quarantine call. */
    record Quarantined(String table, Long line, String pointer, Violation violation) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Quarantined> quarantined = new ArrayList<>();

    @Override
    public void accept(Row row) {
        rows.add(row);
    }

    @Override
    public void quarantine(String table, Long line, String pointer, Violation violation) {
        quarantined.add(new Quarantined(table, line, pointer, violation));
    }

    @Override
    public long nextLocalId(String table) {
        throw new UnsupportedOperationException("Fitbit rows have no local ids");
    }

    List<Row> rows(String table) {
        return rows.stream().filter(r -> r.table().name().equals(table)).toList();
    }
}
