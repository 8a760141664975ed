package org.cdrbuilder.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.cdrbuilder.app.engine.BuildEngine;
import org.cdrbuilder.app.engine.BuildOutcome;
import org.cdrbuilder.app.engine.BuildRequest;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.StageCompletion;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.privacy.PrivacyStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdr build --engine spark}: every stage of {@link Pipeline#stages} in order; for each, the driver plans and
 * loads what the stage needs, the units without a report become Spark tasks (one element, one partition each, in
 * plan order) run on the executors through the same {@code UnitExecution} as the local engine, and when all of
 * them succeeded the driver completes the stage ({@link StageCompletion}). Units write their own files, named after
 * them, and {@code complete} merges in unit order, so the published release does not depend on where or in what
 * order the tasks ran. The artifacts the driver loaded for planning go to the executors as broadcast variables
 * ({@link StageBroadcasts}). Resume: see {@link SparkWorkState}.
 */
public final class SparkEngine implements BuildEngine {
    /** System property: executors of a local master rebuild their own contexts instead of sharing the driver's. */
    public static final String ISOLATE_EXECUTORS = "cdr.spark.isolateExecutors";
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    @Override
    public String name() {
        return "spark";
    }

    /** Drop, work, releases and private directories may be on Hadoop file systems ({@code storage/}). */
    @Override
    public boolean supportsRemoteStorage() {
        return true;
    }

    @Override
    public BuildOutcome run(BuildRequest request) {
        SparkLogging.quiet();
        BuildContext ctx = request.ctx();
        List<Stage> stages = Pipeline.stages(ctx.settings());
        SparkWorkState.prepare(ctx, stages);
        String keyCheck = PrivacyStage.key(ctx).checkValue(); // fails here, before Spark starts, when there is no key
        ExecutorSpec spec = ExecutorSpec.of(UUID.randomUUID().toString(), request.configFile(), ctx,
                request.faultSpec(), keyCheck);
        // a context already running in this JVM (a test class's, or an application embedding cdr) is used, not stopped
        boolean ownContext = SparkContext$.MODULE$.getActive().isEmpty();
        JavaSparkContext jsc = new JavaSparkContext(SparkContext.getOrCreate(conf(request)));
        boolean shared = jsc.isLocal() && !Boolean.getBoolean(ISOLATE_EXECUTORS);
        if (shared) {
            ExecutorContexts.share(spec.buildId(), ctx, stages);
        }
        StageBroadcasts broadcasts = new StageBroadcasts(jsc, !shared);
        // executors with contexts of their own count units there: the driver counts their tasks for the progress line
        TaskProgress taskProgress = shared ? null : new TaskProgress(ctx.progress());
        if (taskProgress != null) {
            jsc.sc().addSparkListener(taskProgress);
        }
        LOG.info("spark engine: master {}, default parallelism {}, {} stages", jsc.master(), jsc.defaultParallelism(),
                stages.size());
        List<BuildOutcome.StageRun> runs = new ArrayList<>();
        try {
            for (Stage stage : stages) {
                if (StageCompletion.isCompleted(ctx, stage)) {
                    LOG.info("{}: completed by an earlier run; skipped", stage.name());
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    runStage(jsc, spec, stage, ctx, broadcasts, taskProgress);
                    runs.add(new BuildOutcome.StageRun(stage.name(), BuildOutcome.COMPLETED, since(t0)));
                } catch (Exception | Error e) {
                    LOG.error("{} failed: {}", stage.name(), e.toString());
                    runs.add(new BuildOutcome.StageRun(stage.name(), BuildOutcome.FAILED, since(t0)));
                    awaitNoRunningTasks(jsc);
                    return new BuildOutcome(BuildOutcome.FAILED, runs, List.of(e));
                }
            }
            return new BuildOutcome(BuildOutcome.COMPLETED, runs, List.of());
        } finally {
            broadcasts.destroy();
            if (taskProgress != null) {
                jsc.sc().removeSparkListener(taskProgress);
            }
            ExecutorContexts.forget(spec.buildId());
            if (ownContext) {
                jsc.stop();
            }
        }
    }

    private static void runStage(JavaSparkContext jsc, ExecutorSpec spec, Stage stage, BuildContext ctx,
                                 StageBroadcasts broadcasts, TaskProgress taskProgress) throws Exception {
        List<WorkUnit> units = stage.plan(ctx);
        ctx.prepare(stage.needs()); // on the driver: what planning and complete() read; executors load lazily
        ctx.progress().startStage(stage.name(), units.size());
        List<SparkUnit> todo = new ArrayList<>();
        for (WorkUnit u : units) {
            if (ctx.layout().isDone(stage.name(), u.id())) {
                ctx.progress().unitDone();
            } else {
                todo.add(SparkUnit.of(u));
            }
        }
        LOG.info("{}: {} units, {} to run on spark", stage.name(), units.size(), todo.size());
        if (!todo.isEmpty()) {
            // interrupt the stage's other tasks when one fails, so that none still writes when the build reports
            String group = "cdr-" + stage.name();
            if (taskProgress != null) {
                taskProgress.expect(group);
            }
            jsc.setJobGroup(group, "cdr " + stage.name() + ": " + todo.size() + " units", true);
            try {
                jsc.parallelize(todo, todo.size()).foreach(new UnitTask(spec, stage.name(), broadcasts.of(stage, ctx)));
            } finally {
                jsc.clearJobGroup();
            }
        }
        StageCompletion.complete(stage, ctx);
    }

    /** The Spark configuration: spark-submit's (spark.* system properties), with the command line's master. */
    static SparkConf conf(BuildRequest request) {
        SparkConf conf = new SparkConf();
        if (request.master() != null) {
            conf.setMaster(request.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + request.ctx().settings().threads() + "]");
        }
        String master = conf.get("spark.master");
        if (!master.matches("local(\\[(\\*|[0-9]+)(,[0-9]+)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+")) {
            throw new ConfigException("--spark-master must be local[N], local[*], spark://host:port, yarn or k8s://...: "
                    + master);
        }
        conf.setIfMissing("spark.app.name", "cdr build " + request.ctx().settings().version());
        // two attempts of a unit at once would write the same files
        conf.set("spark.speculation", "false");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    /** After a failed job, waits (up to a minute) until tasks Spark was asked to kill have stopped. */
    private static void awaitNoRunningTasks(JavaSparkContext jsc) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            int running = 0;
            for (org.apache.spark.SparkExecutorInfo e : jsc.sc().statusTracker().getExecutorInfos()) {
                running += e.numRunningTasks();
            }
            if (running == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("tasks of the failed stage were still running after a minute");
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
