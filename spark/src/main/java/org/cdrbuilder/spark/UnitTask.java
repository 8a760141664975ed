package org.cdrbuilder.spark;

import java.io.Serializable;
import java.util.TreeMap;

import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark task of one unit: finds (or rebuilds) the build's context in the executor, takes the stage's broadcast
 * artifacts into it (the first task of the executor that needs each one; later tasks find it loaded), and runs the
 * unit through {@link UnitExecution}, exactly as the local engine does. Holds the serializable spec, the stage's
 * name and the handles of its broadcasts.
 */
final class UnitTask implements VoidFunction<SparkUnit> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UnitTask.class);

    private final ExecutorSpec spec;
    private final String stage;
    private final TreeMap<String, Broadcast<Serializable>> broadcasts;

    UnitTask(ExecutorSpec spec, String stage, TreeMap<String, Broadcast<Serializable>> broadcasts) {
        this.spec = spec;
        this.stage = stage;
        this.broadcasts = broadcasts;
    }

    @Override
    public void call(SparkUnit unit) throws Exception {
        BuildContext ctx = ExecutorContexts.context(spec);
        Stage s = ExecutorContexts.stage(spec, stage);
        for (Artifact<?> a : s.needs()) {
            Broadcast<Serializable> b = broadcasts.get(a.name());
            if (b != null && a.receive(ctx, b::value)) {
                LOG.info("{}: received by broadcast", a.name());
            }
        }
        UnitExecution.run(s, unit.toWorkUnit(), ctx);
    }
}
