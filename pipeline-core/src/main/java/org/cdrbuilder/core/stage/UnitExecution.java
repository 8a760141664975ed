package org.cdrbuilder.core.stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unit the same way whatever schedules it (the batch job or {@link LocalStageRunner}): clears what an
 * earlier, interrupted attempt of the unit left behind, runs it, and counts it done.
 */
public final class UnitExecution {
    private static final Logger LOG = LoggerFactory.getLogger(UnitExecution.class);

    private UnitExecution() {
    }

    public static void run(Stage stage, WorkUnit unit, BuildContext ctx) throws Exception {
        if (stage.doneElsewhere(unit, ctx)) {
            ctx.progress().unitDone();
            return;
        }
        ctx.layout().clearUnit(stage.name(), unit.id());
        long t0 = System.nanoTime();
        ctx.faults().checkpoint(stage.name(), unit.id(), 0);
        ctx.prepare(stage.needs()); // loaded after planning already; here for units resumed without planning
        try {
            stage.run(unit, ctx);
        } catch (Exception | Error e) {
            LOG.error("{} unit {} failed: {}", stage.name(), unit.id(), e.toString());
            throw e;
        }
        ctx.progress().unitDone();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms >= 2_000) {
            LOG.info("{} unit {} took {} s", stage.name(), unit.id(), ms / 1000.0);
        } else {
            LOG.debug("{} unit {} done in {} ms", stage.name(), unit.id(), ms);
        }
    }
}
