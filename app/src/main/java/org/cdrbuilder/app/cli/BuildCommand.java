package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import org.cdrbuilder.app.batch.BuildRunner;
import org.cdrbuilder.app.batch.NextVersion;
import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.FaultInjector;
import org.cdrbuilder.core.stage.RunOptions;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.publish.PublishStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cdr build}: builds and publishes a release, resuming an interrupted build of the same inputs. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a release from a drop and publish it under <releases>/<version>/<tier>/.",
                "Running the same command after a failure resumes where the build stopped."})
public final class BuildCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BuildCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--replace", description = "Build and publish this version again even if it was already published.")
    boolean replace;

    @Option(names = "--accept-failed-qa", paramLabel = "REASON",
            description = "Publish even if a fatal QA check fails; the reason is recorded in the manifest and the QA report.")
    String acceptFailedQa;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between progress lines (0 = none; default ${DEFAULT-VALUE}).")
    int progressInterval;

    private final PrintStream out;

    public BuildCommand() {
        this(System.out);
    }

    BuildCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        BuildSettings settings = common.settings();
        BuildContext ctx = new BuildContext(settings);
        if (acceptFailedQa != null && acceptFailedQa.isBlank()) {
            throw new org.cdrbuilder.core.config.ConfigException("--accept-failed-qa needs a reason");
        }
        ctx.setOptions(new RunOptions(replace, acceptFailedQa));
        FaultInjector faults = FaultSpec.fromSystemProperty();
        if (faults != null) {
            ctx.setFaults(faults);
        }
        // refuse early, before a job instance exists: an existing release, or inputs that cannot make a release
        PublishStage.checkNotPublished(ctx);
        org.cdrbuilder.core.rules.RuleParameters.read(settings.rulesFile());
        org.cdrbuilder.core.rules.RuleEngine.of(org.cdrbuilder.core.rules.RuleEngine.discover());
        org.cdrbuilder.steps.qa.QaEngine.fromConfig(settings.qaDir(), 1);
        new VocabularyStage().plan(ctx);
        new IngestStage().plan(ctx);
        java.nio.file.Path log = settings.work().resolve("logs").resolve(settings.version() + "-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try {
            Files.createDirectories(log.getParent());
        } catch (java.io.IOException e) {
            throw new org.cdrbuilder.core.config.ConfigException("cannot create " + log.getParent());
        }
        Logging.toFile(log);
        LOG.info("cdr build {} from {} (vocabulary {}), cutoff {}, {} thread(s)", settings.version(), settings.drop(),
                settings.vocabulary(), settings.cutoffDate(), settings.threads());
        JobExecution execution;
        try (org.cdrbuilder.app.batch.BuildLocks locks = org.cdrbuilder.app.batch.BuildLocks.acquire(settings);
             BuildRunner runner = new BuildRunner(ctx);
             ProgressReporter progress = new ProgressReporter(ctx.progress(), out, progressInterval)) {
            if (common.nextRequested()) {
                // resolved before the build starts and remembered, so that a restart resumes this version
                NextVersion.remember(settings);
                LOG.info("release version next is {}", settings.version());
            }
            execution = runner.run();
        }
        Summary.print(out, ctx, execution, log);
        LOG.info("build {} ended {}", settings.version(), execution.getStatus());
        Logging.stopFile();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            BuildRunner.markFinished(ctx);
            return ExitCodes.OK;
        }
        return Cdr.exitCodeOf(execution.getAllFailureExceptions());
    }
}
