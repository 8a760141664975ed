package org.cdrbuilder.steps.qa.facts;

import java.util.Set;

import org.cdrbuilder.core.row.Row;

/**
 * Collects facts other tables' checks need (persons, deaths, visits, keys) while its table is scanned for its own
 * checks, and publishes them when the scan ends.
 */
public interface FactCollector {
    String table();

    Set<String> columns();

    /** Called before the rows of each part file of the table, in scan order (for collectors that name files). */
    default void startFile(java.nio.file.Path file) {
    }

    void accept(Row row);

    /** Called after the last row: makes the facts available. */
    void publish(Facts facts);
}
