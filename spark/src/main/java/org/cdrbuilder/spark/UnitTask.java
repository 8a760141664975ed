package org.cdrbuilder.spark;

import org.apache.spark.api.java.function.VoidFunction;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitExecution;

/**
 * The Spark task of one unit: finds (or rebuilds) the build's context in the executor and runs the unit through
 * {@link UnitExecution}, exactly as the local engine does. Holds only the serializable spec and the stage's name.
 */
final class UnitTask implements VoidFunction<SparkUnit> {
    private static final long serialVersionUID = 1L;

    private final ExecutorSpec spec;
    private final String stage;

    UnitTask(ExecutorSpec spec, String stage) {
        this.spec = spec;
        this.stage = stage;
    }

    @Override
    public void call(SparkUnit unit) throws Exception {
        BuildContext ctx = ExecutorContexts.context(spec);
        UnitExecution.run(ExecutorContexts.stage(spec, stage), unit.toWorkUnit(), ctx);
    }
}
