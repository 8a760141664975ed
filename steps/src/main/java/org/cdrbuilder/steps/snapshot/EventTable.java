package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableRoles;

/**
 * The clinical tables counted per concept: every table the schema changelog gives an Achilles analysis
 * ({@code cdr:achillesAnalysis}), with its main concept ({@code concept} role) and domain. Analyses: persons by concept
 * = {@code analysis}, records by concept = {@code analysis + 1}, distinct concepts per person = {@code analysis + 3}.
 * One instance per table, in the order of their analyses.
 */
final class EventTable {
    private static final List<EventTable> ALL = load();
    static final EventTable MEASUREMENT = ofTableOrFail("measurement");
    static final EventTable OBSERVATION = ofTableOrFail("observation");

    private final String table;
    private final String conceptColumn;
    private final String domain;
    private final int analysis;

    private EventTable(String table, String conceptColumn, String domain, int analysis) {
        this.table = table;
        this.conceptColumn = conceptColumn;
        this.domain = domain;
        this.analysis = analysis;
    }

    private static List<EventTable> load() {
        List<EventTable> out = new ArrayList<>();
        for (TableDef t : CdrSchema.get().tables()) {
            TableRoles r = CdrSchema.get().roles(t.name());
            if (r.achillesAnalysis() == null) {
                continue;
            }
            String concept = r.column("concept").orElseThrow(() -> new IllegalStateException(
                    "table " + t.name() + " has an Achilles analysis but no concept role"));
            if (r.domain() == null) {
                throw new IllegalStateException("table " + t.name() + " has an Achilles analysis but no domain");
            }
            out.add(new EventTable(t.name(), concept, r.domain(), r.achillesAnalysis()));
        }
        out.sort(Comparator.comparingInt(e -> e.analysis));
        return List.copyOf(out);
    }

    static EventTable[] values() {
        return ALL.toArray(new EventTable[0]);
    }

    String table() {
        return table;
    }

    String conceptColumn() {
        return conceptColumn;
    }

    String domain() {
        return domain;
    }

    int personsAnalysis() {
        return analysis;
    }

    int recordsAnalysis() {
        return analysis + 1;
    }

    int conceptsPerPersonAnalysis() {
        return analysis + 3;
    }

    /** The event table stored in {@code table}, or null. */
    static EventTable ofTable(String table) {
        for (EventTable t : ALL) {
            if (t.table.equals(table)) {
                return t;
            }
        }
        return null;
    }

    private static EventTable ofTableOrFail(String table) {
        EventTable t = ofTable(table);
        if (t == null) {
            throw new IllegalStateException("the schema changelog gives " + table + " no Achilles analysis");
        }
        return t;
    }

    @Override
    public String toString() {
        return table;
    }
}
