package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.steps.qa.QaEngine;
import org.cdrbuilder.steps.qa.QaReportFiles;
import org.cdrbuilder.steps.qa.QaRun;
import org.cdrbuilder.steps.qa.ReleaseQa;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cdr qa}: re-runs the QA checks on a published release. */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = {"Re-run the QA checks on a published release (its Parquet files, not the work directory) and "
                + "write report.json and report.html to --out; the release itself is never changed.",
                "Exit code 5 when a fatal check fails."})
public final class QaCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "A published release, e.g. releases/v1/registered.")
    Path release;

    @Mixin
    QaConfigOption qaConfig;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: qa-<version>-<tier>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Tables checked at once (default: one per core).")
    Integer threads;

    private final PrintStream stdout;

    public QaCommand() {
        this(System.out);
    }

    QaCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        Path dir = release.toAbsolutePath().normalize();
        QaEngine engine = QaEngine.fromConfig(qaConfig.directory(),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        QaRun.Result result = ReleaseQa.check(dir, engine);
        QaReport report = result.report();
        Path target = out != null ? out : Path.of("qa-" + report.metadataEntry().get("release_version") + "-"
                + report.metadataEntry().get("tier"));
        QaReportFiles.write(target, result, ReleaseQa.inputValidation(dir), ReleaseQa.ledger(dir));
        QaReportFiles.printSummary(stdout, report, target);
        return report.blockingChecks().isEmpty() ? ExitCodes.OK : ExitCodes.QA_FAILED;
    }
}
