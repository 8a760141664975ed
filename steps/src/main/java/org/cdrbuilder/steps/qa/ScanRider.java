package org.cdrbuilder.steps.qa;

import java.util.List;

import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.steps.qa.facts.FactCollector;

/**
 * A later stage's work that rides on QA's scan of a tier's candidate instead of reading every row again (the privacy
 * audit): its collectors are fed from the same pass, and it writes what they found once the pass ended. The stage
 * it belongs to reads that in its own turn; QA knows nothing of what the collectors do.
 */
public interface ScanRider {
    /** What the collectors need, per tier (QA loads it before its units, like its own needs). */
    List<Artifact<?>> needs(String tier);

    /** Artifacts the rider's own stage reads later and QA loads first (declared by QA so that the graph is checked). */
    default List<Artifact<?>> produces(String tier) {
        return List.of();
    }

    /** Collectors of tables QA scans, for this tier's candidate. */
    List<FactCollector> collectors(BuildContext ctx, String tier, List<String> scannedTables);

    /** Called once the scan of every table ended, with the collectors {@link #collectors} returned. */
    void scanned(BuildContext ctx, String tier, List<FactCollector> collectors);
}
