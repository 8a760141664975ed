package org.cdrbuilder.core.qa;

import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;

/**
 * What checks see of the release being checked: schema, vocabulary, the cutoff date, the QA settings and
 * configuration tables, and the facts other tables' scans collected. Facts are available only to probes that
 * {@linkplain Probe#requires require} the table they come from.
 */
public interface QaContext {
    CdrSchema schema();

    Vocabulary vocabulary();

    /** The release cutoff date (dates after it are implausible). */
    LocalDate cutoffDate();

    QaSettings settings();

    /** The rows of a configuration table of {@code config/qa/}, read once. */
    List<ConfigTable.Row> config(String file);

    /** Whether {@code table} is scanned in this run (a check must not require a table that is not). */
    boolean scanned(String table);

    /** Persons, from the scan of {@code person}. */
    PersonFacts persons();

    /** Deaths, from the scan of {@code death}. */
    DeathFacts deaths();

    /** Visits, from the scan of {@code visit_occurrence}. */
    VisitFacts visits();

    /** The values of {@code table.column}, from that table's scan. */
    KeySet keys(String table, String column);
}
