package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.ingest.InputValidation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cdr validate}: reads and checks every input without building a release. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the inputs of a drop (registry, vocabulary, every site's files) without building.",
                "Prints per-source results and writes input-validation.json in the work directory.",
                "Exit code 3 when a file cannot be used; quarantined rows alone do not fail validation."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintStream out;

    public ValidateCommand() {
        this(System.out);
    }

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        BuildSettings s = common.settings();
        // a scratch work directory of its own: validation never touches a build's work or the job repository
        Path work = s.work().resolve("validate").resolve(s.version().toString());
        org.cdrbuilder.core.io.FileTrees.deleteTree(work);
        BuildContext ctx = new BuildContext(withWork(s, work));
        new LocalStageRunner(ctx).run(new VocabularyStage(), new IngestStage());
        InputValidation report = InputValidation.build(ctx.layout(), site -> site, false);
        Path file = ctx.layout().root().resolve("input-validation.json");
        WorkLayout.writeJson(file, report);
        print(report);
        out.println("details: " + file);
        return report.filesWithErrors > 0 ? ExitCodes.INPUTS_REJECTED : ExitCodes.OK;
    }

    /** Settings whose version work directory is {@code work}. */
    private static BuildSettings withWork(BuildSettings s, Path work) {
        return new BuildSettings(s.configDir(), s.drop(), s.vocabulary(), s.releases(), work.getParent(),
                s.privateDir(), s.version(), s.cutoffDate(), s.tiers(), s.threads(), s.jobRepositoryUrl(),
                s.jobRepositoryUser(), s.jobRepositoryPassword(), s.parquet(), s.ingest(), s.demographics(), s.rulesFile(),
                s.tierProfilesDir(), s.qaDir(), s.privacyKeyFile(), s.snapshot(), s.vocabularyConfigDir(), s.cdmSource());
    }

    private void print(InputValidation r) {
        out.printf("%-12s %-24s %6s %10s %10s %12s%n", "source", "site", "files", "rows", "staged", "quarantined");
        for (InputValidation.Source s : r.sources) {
            out.printf("%-12s %-24s %6d %10d %10d %12d%n", s.kind, s.site == null ? "" : s.site, s.filesFound, s.rowsRead,
                    s.rowsStaged, s.rowsQuarantined);
            for (InputValidation.FileResult f : s.files) {
                for (UnitReport.FileIssue i : f.issues) {
                    out.printf("    %s %s%s: %s%n", i.severity.toUpperCase(), f.file, i.line == null ? "" : ":" + i.line,
                            i.message);
                }
                f.reasons.forEach((reason, n) -> out.printf("    %s: %d row(s) quarantined: %s%n", f.file, n, reason));
            }
        }
        for (var i : r.ignored) {
            out.printf("    ignored %s: %s%n", i.get("relativePath"), i.get("reason"));
        }
        out.printf("%d file(s), %d row(s) read, %d quarantined, %d file(s) with errors%n", r.filesFound, r.rowsRead,
                r.rowsQuarantined, r.filesWithErrors);
    }
}
