package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import org.cdrbuilder.app.batch.BuildRunner;
import org.cdrbuilder.app.batch.NextVersion;
import org.cdrbuilder.app.engine.BuildEngine;
import org.cdrbuilder.app.engine.BuildEngines;
import org.cdrbuilder.app.engine.BuildOutcome;
import org.cdrbuilder.app.engine.BuildRequest;
import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.FaultInjector;
import org.cdrbuilder.core.stage.RunOptions;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.publish.PublishStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = BuildEngines.LOCAL,
            description = {"What runs the stages: local (default: this process, restartable through the job repository)"
                    + " or spark (the spark module on the class path: scripts/cdr adds it; docs/CLUSTER.md)."})
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "With --engine spark: local[N], spark://host:port, yarn or k8s://... (default: spark-submit's "
                    + "master, else local[<threads>]).")
    String sparkMaster;

    private final PrintStream out;

    public BuildCommand() {
        this(System.out);
    }

    BuildCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (sparkMaster != null && !"spark".equals(engine)) {
            throw new org.cdrbuilder.core.config.ConfigException("--spark-master needs --engine spark");
        }
        BuildEngine buildEngine = BuildEngines.named(engine); // fails at once when the engine is not on the class path
        BuildSettings settings = common.settings();
        if (!buildEngine.supportsRemoteStorage()) {
            for (java.nio.file.Path p : java.util.List.of(settings.drop(), settings.vocabulary(), settings.work(),
                    settings.releases(), settings.privateDir())) {
                if (!org.cdrbuilder.core.io.Storage.isLocal(p)) {
                    throw new org.cdrbuilder.core.config.ConfigException("the " + buildEngine.name() + " engine reads "
                            + "and writes local or mounted directories only: " + org.cdrbuilder.core.io.Storage
                            .externalForm(p) + " needs --engine spark (docs/CLUSTER.md)");
                }
            }
        }
        BuildContext ctx = new BuildContext(settings);
        if (acceptFailedQa != null && acceptFailedQa.isBlank()) {
            throw new org.cdrbuilder.core.config.ConfigException("--accept-failed-qa needs a reason");
        }
        ctx.setOptions(new RunOptions(replace, acceptFailedQa));
        String faultSpec = System.getProperty(FaultSpec.PROPERTY);
        FaultInjector faults = FaultSpec.parse(faultSpec);
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
        // the log is written by logback, to a local file: for a work directory elsewhere (hdfs://...) it is written
        // in the temporary directory and copied into <work>/logs when the build ends
        java.nio.file.Path localLog = org.cdrbuilder.core.io.Storage.isLocal(log) ? log
                : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cdr-logs", log.getFileName().toString());
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(localLog.getParent());
        } catch (java.io.IOException e) {
            throw new org.cdrbuilder.core.config.ConfigException("cannot create " + log.getParent());
        }
        Logging.toFile(localLog);
        LOG.info("cdr build {} from {} (vocabulary {}), cutoff {}, {} thread(s), engine {}", settings.version(),
                settings.drop(), settings.vocabulary(), settings.cutoffDate(), settings.threads(), buildEngine.name());
        BuildOutcome outcome;
        try (org.cdrbuilder.app.batch.BuildLocks locks = org.cdrbuilder.app.batch.BuildLocks.acquire(settings);
             ProgressReporter progress = new ProgressReporter(ctx.progress(), out, progressInterval)) {
            if (common.nextRequested()) {
                // resolved before the build starts and remembered, so that a restart resumes this version
                NextVersion.remember(settings);
                LOG.info("release version next is {}", settings.version());
            }
            outcome = buildEngine.run(new BuildRequest(ctx, common.configFile(), faultSpec, sparkMaster));
        }
        Summary.print(out, ctx, outcome, log);
        LOG.info("build {} ended {}", settings.version(), outcome.status());
        Logging.stopFile();
        if (!localLog.equals(log)) {
            try {
                Files.copy(localLog, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                out.println("the build log stays at " + localLog + ": cannot copy it to " + log + " (" + e + ")");
            }
        }
        if (outcome.completed()) {
            BuildRunner.markFinished(ctx);
            return ExitCodes.OK;
        }
        return Cdr.exitCodeOf(outcome.failures());
    }
}
