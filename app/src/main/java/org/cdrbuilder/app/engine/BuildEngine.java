package org.cdrbuilder.app.engine;

/**
 * What runs a build's stages once {@code cdr build} has checked its inputs and taken the build's locks: the batch job
 * in this process ({@code --engine local}, the default) or another engine found on the class path through
 * {@link java.util.ServiceLoader} (the {@code spark} module's). An engine runs every stage of the same stage list
 * ({@code Pipeline.stages}) through {@code UnitExecution}, resumes a failed build of the same inputs, and reports
 * what happened; it never publishes by other means than the stages do.
 */
public interface BuildEngine {
    /** The value of {@code --engine} that selects this engine. */
    String name();

    /**
     * Whether the engine builds with directories on file systems other than the local one (the Hadoop file systems
     * of the spark module's {@code Storage.Resolver}); the local engine keeps its job repository and log in the
     * work directory, on a local disk.
     */
    default boolean supportsRemoteStorage() {
        return false;
    }

    /**
     * Runs or resumes the build. The caller holds the build's locks and has refused an existing release; failures of
     * the build itself are returned in the outcome, not thrown.
     */
    BuildOutcome run(BuildRequest request);
}
