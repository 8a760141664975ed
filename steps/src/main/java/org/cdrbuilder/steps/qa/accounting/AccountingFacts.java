package org.cdrbuilder.steps.qa.accounting;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.steps.ingest.InputValidation;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;

/**
 * What the build's own accounting says about a tier, for the checks that fail a build which lost data: input
 * validation (rows read and quarantined per source and file), the tier's ledger, the rows each cleaning rule
 * removed per source and table, and the comparison with the previous release (null when there is none).
 *
 * @param removals rows each cleaning rule removed, per source and table (empty when the build's unit reports are
 *                 not available, as for a published release re-checked alone)
 */
public record AccountingFacts(InputValidation validation, Ledger ledger, List<SourceRemovals> removals,
                              ReleaseComparison comparison) {
    public AccountingFacts {
        requireNonNull(validation, "validation is null");
        requireNonNull(ledger, "ledger is null");
        removals = List.copyOf(removals);
    }

    /**
     * Rows of one table from one source (a site's EHR, or a participant-provided source such as surveys) that
     * reached the cleaning rules, and how many of them each rule removed.
     *
     * @param source the source as the release shows it ({@code EHR site 101}, {@code survey})
     */
    public record SourceRemovals(String source, String table, long rows, Map<String, Long> removedByRule) {
        public SourceRemovals {
            requireNonNull(source, "source is null");
            requireNonNull(table, "table is null");
            removedByRule = Map.copyOf(removedByRule);
        }
    }

    /** The file of the QA folder that keeps {@link #removals()} with a release, so that {@code cdr qa} can judge them. */
    public static final String REMOVALS_FILE = "source-removals.json";

    /** The source name of an input validation source: its (masked) site, or its kind. */
    public static String sourceName(InputValidation.Source s) {
        return s.site != null ? s.site : s.kind;
    }
}
