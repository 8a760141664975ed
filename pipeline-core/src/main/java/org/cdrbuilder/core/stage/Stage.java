package org.cdrbuilder.core.stage;

import java.util.List;

/**
 * A stage of the pipeline (ingest, harmonize, clean, privacy, qa, publish, snapshot). A stage plans its work as
 * units; units run in parallel, each writing only its own outputs, so a failed build resumes by re-running the
 * units that did not finish. {@link #complete} runs once all units are done and must be idempotent.
 * Implementations are plain Java: the batch framework that schedules them is not visible here.
 */
public interface Stage {
    /** Stage name, also the step name in the job and the folder in the work directory. */
    String name();

    /**
     * The artifacts the stage reads besides rows: inputs, or products of earlier stages. The runner loads them before
     * planning, so units find them ready.
     */
    default List<Artifact<?>> needs() {
        return List.of();
    }

    /** The artifacts this stage produces (their loaders read what the stage wrote), for the stages after it. */
    default List<Artifact<?>> produces() {
        return List.of();
    }

    /** The units of work, in a deterministic order, computed from the outputs of earlier stages. */
    List<WorkUnit> plan(BuildContext ctx);

    /**
     * Whether the unit was already run by another stage that writes this stage's outputs from a shared read (the
     * privacy stages of several tiers): the runner then neither clears nor runs it.
     */
    default boolean doneElsewhere(WorkUnit unit, BuildContext ctx) {
        return false;
    }

    /** Runs one unit. Must write its outputs through {@link UnitOutputs} or other atomic means. */
    void run(WorkUnit unit, BuildContext ctx) throws Exception;

    /** Runs after every unit succeeded (merging, summaries). Idempotent. */
    default void complete(BuildContext ctx) throws Exception {
    }
}
