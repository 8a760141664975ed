package org.cdrbuilder.app.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.steps.publish.ReleaseExistsException;
import org.cdrbuilder.steps.publish.ReleaseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs the release build job with restart semantics a cron job can rely on:
 * <ul>
 *   <li>the job instance is identified by the release version, the inputs (paths, sizes, modification times) and
 *       the configuration, so re-running the same command after a failure or a kill resumes the same instance;
 *   <li>a new instance (first run, or changed inputs) starts from an empty work directory;
 *   <li>one build at a time per work directory, releases directory and private directory ({@link BuildLocks},
 *       taken before the job repository is opened); an execution left "running" by a killed process is marked
 *       failed before the restart;
 *   <li>a completed instance is not run again unless replacing was asked for.
 * </ul>
 */
public final class BuildRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildRunner.class);

    private final BuildContext ctx;
    private final HikariDataSource dataSource;
    private final JobRepository repository;

    public BuildRunner(BuildContext ctx) {
        this.ctx = ctx;
        this.dataSource = JobRepositories.dataSource(ctx.settings());
        this.repository = JobRepositories.jobRepository(dataSource);
    }

    public JobRepository repository() {
        return repository;
    }

    /** Runs (or resumes) the build; returns the finished job execution. The caller holds the {@link BuildLocks}. */
    public JobExecution run() {
        Path work = ctx.settings().versionWork();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new ConfigException("cannot create work directory " + work + ": " + e.getMessage());
        }
        return runLocked();
    }

    private JobExecution runLocked() {
        JobParameters params = parameters(0);
        JobExecution last = repository.getLastJobExecution(ReleaseBuildJob.NAME, params);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED && !ctx.options().replace()
                && !Files.isRegularFile(finishedMarker(ctx))) {
            // the job completed but the process was stopped before it could report it: nothing is left to do
            LOG.info("build {} had completed (execution {}) when its process was stopped; nothing to resume",
                    ctx.settings().version(), last.getId());
            return last;
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            if (!ctx.options().replace()) {
                throw new ReleaseExistsException("release " + ctx.settings().version()
                        + " was already built from these inputs; use --replace to build it again");
            }
            // replacing: the first replacement of these inputs that did not complete, so that the same --replace
            // command after a kill resumes it instead of starting over
            long n = 1;
            while (true) {
                params = parameters(n);
                last = repository.getLastJobExecution(ReleaseBuildJob.NAME, params);
                if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                    break;
                }
                n++;
            }
        }
        if (last == null) {
            LOG.info("starting a new build of {} (work directory {})", ctx.settings().version(), ctx.settings().versionWork());
            resetWork();
        } else {
            if (last.getStatus().isRunning()) {
                LOG.warn("the previous run (execution {}) did not finish (process killed?); marking it failed", last.getId());
                markFailed(last);
            }
            LOG.info("resuming {} from execution {} ({})", ctx.settings().version(), last.getId(), last.getStatus());
        }
        ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(ctx.settings().threads());
        workers.setMaxPoolSize(ctx.settings().threads());
        workers.setThreadNamePrefix("cdr-worker-");
        workers.initialize();
        try {
            Job job = ReleaseBuildJob.create(repository, ctx, workers);
            TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
            operator.setJobRepository(repository);
            operator.setTaskExecutor(new SyncTaskExecutor());
            operator.setJobRegistry(new org.springframework.batch.core.configuration.support.MapJobRegistry());
            operator.afterPropertiesSet();
            return operator.start(job, params);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the build job: " + e.getMessage(), e);
        } finally {
            workers.shutdown();
        }
    }

    /** Written once a completed build was reported: running the same command again is then refused. */
    public static Path finishedMarker(BuildContext ctx) {
        return ctx.layout().state("finished.txt");
    }

    /** Records that the completed build was reported to its caller. */
    public static void markFinished(BuildContext ctx) {
        try {
            Files.createDirectories(finishedMarker(ctx).getParent());
            Files.writeString(finishedMarker(ctx), ctx.settings().version().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + finishedMarker(ctx), e);
        }
    }

    /** Identifying parameters: version, input signature, configuration signature (and the replacement's number). */
    JobParameters parameters(long replacement) {
        BuildSettings s = ctx.settings();
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("version", s.version().toString())
                .addString("inputs", inputSignature(s))
                .addString("config", configSignature(s))
                .addString("tiers", String.join(",", s.tiers()));
        if (replacement > 0) {
            b.addLong("replace", replacement);
        }
        return b.toJobParameters();
    }

    /** Paths, sizes and modification times of every input file: cheap, and changes when the drop changes. */
    static String inputSignature(BuildSettings s) {
        return BuildIdentity.inputs(s);
    }

    static String configSignature(BuildSettings s) {
        return BuildIdentity.config(s);
    }

    /** Empties the version's work directory and any half-assembled release of a previous instance. */
    private void resetWork() {
        resetWork(ctx.settings());
    }

    /** What a new build instance starts from, whatever engine runs it: no work files, no half-assembled release. */
    public static void resetWork(BuildSettings s) {
        FileTrees.deleteTree(s.versionWork());
        FileTrees.deleteTree(new ReleaseLayout(s.releases()).staging(s.version()));
    }

    private void markFailed(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        for (StepExecution step : steps) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("process ended without finishing the step"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("process ended without finishing the job"));
        execution.setEndTime(now);
        repository.update(execution);
    }


    @Override
    public void close() {
        dataSource.close();
    }
}
