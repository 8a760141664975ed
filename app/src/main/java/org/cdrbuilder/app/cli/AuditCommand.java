package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.privacy.PrivacyKey;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.audit.AuditReport;
import org.cdrbuilder.steps.audit.PublishedReleaseAudit;
import org.cdrbuilder.steps.ingest.DropLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cdr audit}: re-checks a published release against its tier and, when available, the registry. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Re-check a published release directory (<releases>/<version>/<tier>) for privacy leaks.",
                "Always: month/day of birth, person ids of research-id form, age limit by year of birth, suppressed",
                "concepts, tables that must be empty. With the drop's registry (--drop): names, emails, phones, street",
                "addresses and ZIP codes in any column of any table and in the release's text files. With the key and",
                "the mapping store (--key-file or CDR_PRIVACY_KEY, --private): withdrawn and too-old participants, person",
                "ids that are not research ids, dates of birth. With the build's work files (--work): dates equal to",
                "their unshifted source. Exit code 6 when a check fails; each leak is named by table, column, file, row."})
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "The published release of one tier.")
    Path release;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to this file.")
    Path reportFile;

    private final PrintStream out;

    public AuditCommand() {
        this(System.out);
    }

    AuditCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        BuildSettings s = common.settings();
        PrivacyKey key;
        try {
            key = PrivacyKey.load(s.privacyKeyFile());
        } catch (ConfigException e) {
            key = null;
            out.println("note: " + e.getMessage() + " - checks that need the key are skipped");
        }
        Path registry = new DropLayout(s.drop(), s.vocabulary()).registryFile();
        AuditReport report = PublishedReleaseAudit.run(release, new PublishedReleaseAudit.Inputs(s.tierProfilesDir(),
                Files.isRegularFile(registry) ? registry : null, s.privateDir(), key,
                Files.isDirectory(s.work()) ? s.work() : null, null));
        out.printf("privacy audit of %s (tier %s): %s, %d rows%n", release, report.tier,
                report.passed ? "PASSED" : "FAILED", report.rowsAudited);
        for (AuditReport.CheckResult c : report.checks) {
            out.printf("  %-24s %-8s %s%n", c.id, c.status,
                    c.status.equals("skipped") ? c.skipped : c.findings + " finding(s)");
        }
        if (!report.passed) {
            out.print(report.describeFailures());
        }
        if (reportFile != null) {
            WorkLayout.writeJson(reportFile.toAbsolutePath(), report);
        }
        return report.passed ? ExitCodes.OK : ExitCodes.PRIVACY_AUDIT_FAILED;
    }
}
