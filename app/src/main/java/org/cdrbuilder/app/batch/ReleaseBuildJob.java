package org.cdrbuilder.app.batch;

import java.util.List;

import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.steps.Pipeline;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.TaskExecutor;

/** The release build: the pipeline's stages as steps of one job, in order. */
public final class ReleaseBuildJob {
    public static final String NAME = "releaseBuild";

    private ReleaseBuildJob() {
    }

    public static Job create(JobRepository repository, BuildContext ctx, TaskExecutor workers) {
        StageSteps steps = new StageSteps(repository, ctx, workers);
        List<Stage> stages = Pipeline.stages(ctx.settings());
        SimpleJobBuilder job = new JobBuilder(NAME, repository).start(steps.step(stages.get(0)));
        for (Stage s : stages.subList(1, stages.size())) {
            job = job.next(steps.step(s));
        }
        return job.build();
    }
}
