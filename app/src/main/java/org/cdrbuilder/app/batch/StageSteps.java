package org.cdrbuilder.app.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.StageCompletion;
import org.cdrbuilder.core.stage.UnitExecution;
import org.cdrbuilder.core.stage.WorkUnit;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.TaskExecutor;

/**
 * Turns a {@link Stage} into a partitioned Spring Batch step: the stage's units become partitions (stored in the
 * job repository, so a restart re-runs only the partitions that did not complete), each run by a worker tasklet
 * on the thread pool; when every partition has completed, the stage's {@code complete} runs.
 */
public final class StageSteps {
    private static final String UNIT_ID = "unit.id";
    private static final String ATTR = "unit.attr.";

    private final JobRepository repository;
    private final BuildContext ctx;
    private final TaskExecutor executor;

    public StageSteps(JobRepository repository, BuildContext ctx, TaskExecutor executor) {
        this.repository = repository;
        this.ctx = ctx;
        this.executor = executor;
    }

    /** Written when a stage's {@code complete} has run: a restart must neither plan nor complete it again. */
    static Path completedMarker(BuildContext ctx, Stage stage) {
        return StageCompletion.marker(ctx, stage);
    }

    /** The partitioned step of a stage, named after it. */
    public Step step(Stage stage) {
        Step worker = new StepBuilder(stage.name() + ".unit", repository)
                .tasklet(new UnitTasklet(stage, ctx))
                .build();
        return new StepBuilder(stage.name(), repository)
                .partitioner(worker.getName(), new StagePartitioner(stage, ctx))
                .step(worker)
                .gridSize(ctx.settings().threads())
                .taskExecutor(executor)
                .aggregator(new CompletingAggregator(stage, ctx))
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        ctx.progress().startStage(stage.name(), 0);
                    }
                })
                .build();
    }

    /** One partition per unit, in plan order; the unit travels in the partition's execution context. */
    static final class StagePartitioner implements Partitioner {
        private final Stage stage;
        private final BuildContext ctx;

        StagePartitioner(Stage stage, BuildContext ctx) {
            this.stage = stage;
            this.ctx = ctx;
        }

        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            if (Files.isRegularFile(completedMarker(ctx, stage))) {
                // the stage completed before the process stopped: planning again would read what it wrote itself
                return new LinkedHashMap<>();
            }
            List<WorkUnit> units = stage.plan(ctx);
            ctx.prepare(stage.needs()); // what every unit reads, loaded once before any of them starts
            ctx.progress().startStage(stage.name(), units.size());
            Map<String, ExecutionContext> out = new LinkedHashMap<>();
            for (WorkUnit u : units) {
                ExecutionContext ec = new ExecutionContext();
                ec.putString(UNIT_ID, u.id());
                u.attributes().forEach((k, v) -> ec.putString(ATTR + k, v));
                out.put(partitionName(stage.name(), u.id()), ec);
            }
            return out;
        }

        /**
         * The partition's name: the unit id, or (when the step name {@code <stage>.unit:<name>} would pass the job
         * repository's 100 characters) its start and a hash of the whole, stable across restarts.
         */
        static String partitionName(String stage, String unitId) {
            int room = 100 - (stage.length() + ".unit:".length());
            if (unitId.length() <= room) {
                return unitId;
            }
            String hash = org.cdrbuilder.core.io.Fingerprint.sha256(unitId).substring(0, 12);
            return unitId.substring(0, Math.max(0, room - 13)) + "#" + hash;
        }
    }

    /** Runs the unit stored in its partition's context. Stateless: shared by every worker thread. */
    static final class UnitTasklet implements Tasklet {
        private final Stage stage;
        private final BuildContext ctx;

        UnitTasklet(Stage stage, BuildContext ctx) {
            this.stage = stage;
            this.ctx = ctx;
        }

        @Override
        public RepeatStatus execute(org.springframework.batch.core.step.StepContribution contribution,
                                    org.springframework.batch.core.scope.context.ChunkContext chunkContext) throws Exception {
            StepExecution step = chunkContext.getStepContext().getStepExecution();
            ExecutionContext ec = step.getExecutionContext();
            WorkUnit unit;
            if (ec.get(UNIT_ID) instanceof String id) {
                Map<String, String> attrs = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : ec.entrySet()) {
                    if (e.getKey().startsWith(ATTR)) {
                        attrs.put(e.getKey().substring(ATTR.length()), String.valueOf(e.getValue()));
                    }
                }
                unit = new WorkUnit(id, attrs);
            } else {
                // a restart whose partition context was not saved (the earlier attempt stopped while partitioning):
                // the plan is deterministic, so the unit is found again by its partition name
                unit = byPartitionName(step.getStepName());
            }
            UnitExecution.run(stage, unit, ctx);
            return RepeatStatus.FINISHED;
        }

        private WorkUnit byPartitionName(String stepName) {
            String name = stepName.substring(stepName.indexOf(':') + 1);
            for (WorkUnit u : stage.plan(ctx)) {
                if (StagePartitioner.partitionName(stage.name(), u.id()).equals(name)) {
                    return u;
                }
            }
            throw new IllegalStateException("no unit of stage " + stage.name() + " for partition " + stepName);
        }
    }

    /** Aggregates partition results and, once all of them completed, completes the stage. */
    static final class CompletingAggregator implements StepExecutionAggregator {
        private final DefaultStepExecutionAggregator delegate = new DefaultStepExecutionAggregator();
        private final Stage stage;
        private final BuildContext ctx;

        CompletingAggregator(Stage stage, BuildContext ctx) {
            this.stage = stage;
            this.ctx = ctx;
        }

        @Override
        public void aggregate(StepExecution result, Collection<StepExecution> executions) {
            delegate.aggregate(result, executions);
            boolean allDone = executions.stream().allMatch(e -> e.getStatus() == BatchStatus.COMPLETED);
            if (allDone && Files.isRegularFile(completedMarker(ctx, stage))) {
                return; // completed by an earlier attempt, which stopped before the step was recorded complete
            }
            if (allDone) {
                try {
                    StageCompletion.complete(stage, ctx);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(stage.name() + " could not complete: " + e.getMessage(), e);
                }
            }
        }
    }
}
