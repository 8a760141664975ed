package org.cdrbuilder.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.cdrbuilder.app.batch.BuildIdentity;
import org.cdrbuilder.app.batch.BuildRunner;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.StageCompletion;
import org.cdrbuilder.steps.publish.ReleaseExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands in for the job repository on the Spark engine: {@code state/spark-build.txt} in the version's work
 * directory holds the build's identity ({@link BuildIdentity}: version, inputs, configuration, tiers). Done units
 * are known by their reports and completed stages by their {@linkplain StageCompletion markers}, as on the local
 * engine, so the same rules hold:
 * <ul>
 *   <li>same identity, not finished: resume (units with reports and completed stages are skipped);
 *   <li>another identity, none, or a work directory left by the local engine: start from an empty work directory;
 *   <li>finished (reported, or every stage completed) and {@code --replace}: start again; a replacement that
 *       stopped resumes with the same command, as any other build.
 * </ul>
 */
final class SparkWorkState {
    static final String FILE = "spark-build.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SparkWorkState.class);

    private SparkWorkState() {
    }

    /** Resets the work directory when this run does not resume; returns whether it resumes. */
    static boolean prepare(BuildContext ctx, List<Stage> stages) {
        String identity = BuildIdentity.of(ctx.settings());
        Path file = ctx.layout().state(FILE);
        boolean same = identity.equals(read(file));
        boolean finished = Files.isRegularFile(BuildRunner.finishedMarker(ctx));
        boolean allCompleted = stages.stream().allMatch(s -> StageCompletion.isCompleted(ctx, s));
        if (same && finished && !ctx.options().replace()) {
            throw new ReleaseExistsException("release " + ctx.settings().version()
                    + " was already built from these inputs; use --replace to build it again");
        }
        if (same && !(ctx.options().replace() && (finished || allCompleted))) {
            LOG.info("resuming {} in {} (spark engine)", ctx.settings().version(), ctx.settings().versionWork());
            return true;
        }
        LOG.info("starting a new build of {} (work directory {}, spark engine)", ctx.settings().version(),
                ctx.settings().versionWork());
        BuildRunner.resetWork(ctx.settings());
        write(file, identity);
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String identity) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, identity + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
