package org.cdrbuilder.core.stage;

/**
 * A hook that long-running units call as they go, so that a test can make a build fail in the middle of a step
 * and check that the next run resumes. The production injector does nothing.
 */
@FunctionalInterface
public interface FaultInjector {
    FaultInjector NONE = (stage, unit, rows) -> { };

    /** Called every so often while a unit streams rows; may throw to simulate a crash. */
    void checkpoint(String stage, String unitId, long rowsSoFar);
}
