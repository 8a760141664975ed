package org.cdrbuilder.core.qa;

import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.row.Row;

/**
 * One resolved check riding on the single scan of its table: the scan decodes the union of every probe's columns
 * once and hands each row to every probe. A probe that compares rows with other tables (persons, deaths, visits,
 * referenced keys) names those tables in {@link #requires}; their scans finish first and the facts they collect are
 * available from the context in {@link #start}. Probes run on one thread and need no synchronisation.
 */
public interface Probe {
    CheckKey key();

    /** Columns of the scanned table the probe reads. */
    Set<String> columns();

    /** Tables whose scans must have finished before this probe starts; the scanned table itself is allowed. */
    default Set<String> requires() {
        return Set.of();
    }

    /** Called once before the first row, with the facts of {@link #requires} available. */
    default void start(QaContext ctx) {
    }

    /** Called for every row of the table, in file order. */
    void accept(Row row);

    /** Called after the last row (table-level checks count here; facts of the scanned table are available). */
    default void finish(QaContext ctx) {
    }

    /** The counts so far. */
    Violations violations();

    /** Values of the check's own description placeholders (e.g. {@code plausibleValueHigh}), if any. */
    default Map<String, String> parameters() {
        return Map.of();
    }
}
