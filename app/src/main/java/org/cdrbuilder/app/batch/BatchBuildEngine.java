package org.cdrbuilder.app.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.app.engine.BuildEngine;
import org.cdrbuilder.app.engine.BuildOutcome;
import org.cdrbuilder.app.engine.BuildRequest;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** {@code --engine local}: the Spring Batch job in this process, restartable through its job repository. */
public final class BatchBuildEngine implements BuildEngine {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public BuildOutcome run(BuildRequest request) {
        try (BuildRunner runner = new BuildRunner(request.ctx())) {
            return outcome(runner.run());
        }
    }

    /** The job execution's status, its stage steps (not their partitions) and its failures. */
    static BuildOutcome outcome(JobExecution execution) {
        List<BuildOutcome.StageRun> stages = new ArrayList<>();
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStepName().contains(":")) {
                continue;
            }
            Duration d = s.getStartTime() == null || s.getEndTime() == null ? null
                    : Duration.between(s.getStartTime(), s.getEndTime());
            stages.add(new BuildOutcome.StageRun(s.getStepName(), s.getStatus().toString(), d));
        }
        return new BuildOutcome(execution.getStatus().toString(), stages, execution.getAllFailureExceptions());
    }
}
