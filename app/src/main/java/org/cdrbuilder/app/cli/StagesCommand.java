package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.steps.Pipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cdr stages}: the stage graph of a build with these settings, in order: what each stage needs (and which
 * stage or input provides it) and what it produces. The same graph the job is assembled from and checked against.
 */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "Print the stage graph of a build: each stage's needs (and their producers) and products.")
public final class StagesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintStream out;

    public StagesCommand() {
        this(System.out);
    }

    StagesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Stage> stages = Pipeline.stages(common.settings());
        out.print(Pipeline.describe(stages));
        return ExitCodes.OK;
    }
}
