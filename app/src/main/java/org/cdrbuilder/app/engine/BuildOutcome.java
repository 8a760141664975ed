package org.cdrbuilder.app.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How a build run ended, whatever engine ran it: per stage its status and time, and the failures.
 *
 * @param status {@code COMPLETED}, {@code FAILED}...
 */
public record BuildOutcome(String status, List<StageRun> stages, List<Throwable> failures) {
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public BuildOutcome {
        requireNonNull(status, "status is null");
        stages = List.copyOf(stages);
        failures = List.copyOf(failures);
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** The stage's run, or null when it did not run in this invocation. */
    public StageRun stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One stage of the run.
     *
     * @param time wall-clock time, or null when unknown
     */
    public record StageRun(String name, String status, Duration time) {
        public StageRun {
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
        }
    }
}
