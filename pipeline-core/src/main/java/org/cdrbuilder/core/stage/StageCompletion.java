package org.cdrbuilder.core.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completing a stage the same way whatever engine ran its units (the batch job or the Spark engine): the stage's
 * {@link Stage#complete} runs, then a marker in the work directory records it, so that a restart neither plans nor
 * completes the stage again (planning again would read what the stage wrote itself).
 */
public final class StageCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(StageCompletion.class);

    private StageCompletion() {
    }

    /** {@code state/stages/<stage>.completed}: written once the stage's {@code complete} has run. */
    public static Path marker(BuildContext ctx, Stage stage) {
        return ctx.layout().state("stages").resolve(stage.name() + ".completed");
    }

    public static boolean isCompleted(BuildContext ctx, Stage stage) {
        return Files.isRegularFile(marker(ctx, stage));
    }

    /**
     * Runs the stage's {@code complete} and records it, with the fault checkpoints {@code complete} (before) and
     * {@code completed} (after) of the restart tests.
     */
    public static void complete(Stage stage, BuildContext ctx) throws Exception {
        long t0 = System.nanoTime();
        ctx.faults().checkpoint(stage.name(), "complete", 0);
        stage.complete(ctx);
        markCompleted(ctx, stage);
        ctx.faults().checkpoint(stage.name(), "completed", 0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms >= 1_000) {
            LOG.info("{}: completing took {} s", stage.name(), ms / 1000.0);
        }
    }

    private static void markCompleted(BuildContext ctx, Stage stage) {
        try {
            Path marker = marker(ctx, stage);
            Files.createDirectories(marker.getParent());
            Path tmp = marker.resolveSibling("." + marker.getFileName() + ".tmp");
            Files.writeString(tmp, stage.name());
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the completion of " + stage.name(), e);
        }
    }
}
