package org.cdrbuilder.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs stages in this process on a thread pool without a job repository: used by {@code cdr validate} and by tests
 * of the stages. Units whose report already exists are skipped, so a second call resumes.
 */
public final class LocalStageRunner {
    private final BuildContext ctx;

    public LocalStageRunner(BuildContext ctx) {
        this.ctx = ctx;
    }

    public void run(Stage... stages) throws Exception {
        for (Stage s : stages) {
            runStage(s);
        }
    }

    public void runStage(Stage stage) throws Exception {
        List<WorkUnit> units = stage.plan(ctx);
        ctx.prepare(stage.needs());
        ctx.progress().startStage(stage.name(), units.size());
        ExecutorService pool = Executors.newFixedThreadPool(ctx.settings().threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (WorkUnit u : units) {
                if (ctx.layout().isDone(stage.name(), u.id())) {
                    ctx.progress().unitDone();
                    continue;
                }
                futures.add(pool.submit(() -> {
                    UnitExecution.run(stage, u, ctx);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        stage.complete(ctx);
    }
}
