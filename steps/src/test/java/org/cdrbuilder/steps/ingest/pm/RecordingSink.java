package org.cdrbuilder.steps.ingest.pm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;

/** An {@link IngestSink} that keeps everything in memory for assertions. */
final class RecordingSink implements IngestSink {
    /** One quarantine call. */
    record Quarantined(String table, Long line, String pointer, Violation violation) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Quarantined> quarantined = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();

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
        return ids.merge(table, 1L, Long::sum) - 1;
    }

    List<Row> rows(String table) {
        return rows.stream().filter(r -> r.table().name().equals(table)).toList();
    }

    List<Row> visits() {
        return rows("visit_occurrence");
    }

    List<Row> measurements() {
        return rows("measurement");
    }

    List<String> sourceValues() {
        return measurements().stream().map(r -> (String) r.get("measurement_source_value")).toList();
    }

    /** The one measurement with this measurement_source_value. */
    Row measurement(String sourceValue) {
        List<Row> found = measurements().stream()
                .filter(r -> sourceValue.equals(r.get("measurement_source_value"))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " measurement rows with source value " + sourceValue + " in " + rows);
        }
        return found.get(0);
    }

    boolean hasMeasurement(String sourceValue) {
        return measurements().stream().anyMatch(r -> sourceValue.equals(r.get("measurement_source_value")));
    }
}
