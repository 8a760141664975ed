package org.cdrbuilder.steps.qa;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.ingest.InputValidation;
import org.cdrbuilder.steps.qa.html.ReportPage;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.cdrbuilder.steps.qa.profile.ReleaseProfile;

/**
 * Writes the QA files of a release: {@code report.json}, {@code report.html}, {@code release-profile.json} and, when
 * there is a previous release, {@code release-comparison.json}. Input validation and the ledger have their own
 * files, written by publish.
 */
public final class QaReportFiles {
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private QaReportFiles() {
    }

    public static void write(Path dir, QaRun.Result result, InputValidation inputs, Ledger ledger) {
        WorkLayout.writeJson(dir.resolve(REPORT_JSON), result.report());
        WorkLayout.writeJson(dir.resolve(ReleaseProfile.FILE), result.profile());
        if (result.comparison() != null) {
            WorkLayout.writeJson(dir.resolve(ReleaseComparison.FILE), result.comparison());
        }
        writeHtml(dir, result.report(), inputs, ledger, result.comparison());
    }

    /** (Re)writes {@code report.html}, e.g. after the gate's decision changed. */
    public static void writeHtml(Path dir, QaReport report, InputValidation inputs, Ledger ledger,
                                 ReleaseComparison comparison) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + REPORT_HTML + ".tmp");
            Files.writeString(tmp, ReportPage.render(report, inputs, ledger, comparison), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(REPORT_HTML), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(REPORT_HTML), e);
        }
    }

    /** A few lines for the console: overview, gate, and where the report is. */
    public static void printSummary(PrintStream out, QaReport r, Path dir) {
        out.printf("QA: %d checks, %d passed, %d failed (%d fatal), %d not applicable, in %s%n", r.overview.countTotal,
                r.overview.countPassed, r.overview.countOverallFailed, r.gate.failedFatalChecks.size(),
                r.overview.countNotApplicable, r.executionTime);
        out.println("QA gate: " + r.gate.status + (r.gate.acceptedReason == null ? "" : " (" + r.gate.acceptedReason + ")"));
        r.gate.failedFatalChecks.stream().limit(20).forEach(c -> out.println("  FATAL " + c));
        out.println("report: " + dir.toAbsolutePath().resolve(REPORT_HTML));
    }
}
