package org.cdrbuilder.app.batch;

import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.derive.DeriveStage;
import org.cdrbuilder.steps.harmonize.HarmonizeStage;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.publish.PublishStage;
import org.cdrbuilder.steps.qa.QaStage;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.TaskExecutor;

/** The release build: the pipeline's stages as steps of one job, in order. */
public final class ReleaseBuildJob {
    public static final String NAME = "releaseBuild";

    private ReleaseBuildJob() {
    }

    public static Job create(JobRepository repository, BuildContext ctx, TaskExecutor workers) {
        StageSteps steps = new StageSteps(repository, ctx, workers);
        return new JobBuilder(NAME, repository)
                .start(steps.step(new VocabularyStage()))
                .next(steps.step(new IngestStage()))
                .next(steps.step(new HarmonizeStage()))
                .next(steps.step(new CleanStage()))
                .next(steps.step(new DeriveStage()))
                .next(steps.step(new QaStage(Pipeline.dataStages())))
                .next(steps.step(new PublishStage(Pipeline.dataStages())))
                .build();
    }
}
