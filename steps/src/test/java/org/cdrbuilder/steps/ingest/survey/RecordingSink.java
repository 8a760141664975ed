package org.cdrbuilder.steps.ingest.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.steps.ingest.IngestSink;

/** An in-memory {@link IngestSink}: records accepted rows and quarantines in arrival order. */
final class RecordingSink implements IngestSink {

    /** One quarantine call. */
    record Quarantined(String table, Long line, String pointer, Violation violation) {
    }

    final List<Row> accepted = new ArrayList<>();
    final List<Quarantined> quarantined = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();

    @Override
    public void accept(Row row) {
        accepted.add(row);
    }

    @Override
    public void quarantine(String table, Long line, String pointer, Violation violation) {
        quarantined.add(new Quarantined(table, line, pointer, violation));
    }

    @Override
    public long nextLocalId(String table) {
        long id = ids.getOrDefault(table, 0L);
        ids.put(table, id + 1);
        return id;
    }

    List<Row> rows(String table) {
        return accepted.stream().filter(r -> r.table().name().equals(table)).toList();
    }

    List<Row> conducts() {
        return rows("survey_conduct");
    }

    List<Row> observations() {
        return rows("observation");
    }

    List<Quarantined> quarantined(String table) {
        return quarantined.stream().filter(q -> q.table().equals(table)).toList();
    }

    /** The observation row whose question code is {@code code} (exactly one expected). */
    Row observation(String code) {
        List<Row> found = observations(code);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " observations of " + code + ": " + observations());
        }
        return found.get(0);
    }

    List<Row> observations(String code) {
        return observations().stream().filter(r -> code.equals(r.get("observation_source_value"))).toList();
    }
}
