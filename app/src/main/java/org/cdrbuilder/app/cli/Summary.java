package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.app.engine.BuildOutcome;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.publish.ReleaseLayout;

import com.fasterxml.jackson.databind.JsonNode;

/** The one-screen report printed when a build ends. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream out, BuildContext ctx, BuildOutcome execution, Path log) {
        out.println();
        out.println("== cdr build " + ctx.settings().version() + ": " + execution.status() + " ==");
        for (BuildOutcome.StageRun s : execution.stages()) {
            Duration d = s.time() == null ? Duration.ZERO : s.time();
            out.printf("  %-10s %-10s %8.1f s%n", s.name(), s.status(), d.toMillis() / 1000.0);
        }
        printThroughput(out, ctx, execution);
        List<UnitReport> ingest = new java.util.ArrayList<>(ctx.layout().reports("vocabulary"));
        ingest.addAll(ctx.layout().reports(IngestStage.NAME));
        long read = 0;
        long quarantined = 0;
        long errors = 0;
        long files = 0;
        for (UnitReport r : ingest) {
            files += Math.max(1, r.inputs.size());
            for (UnitReport.TableCounts c : r.tables.values()) {
                read += c.in;
                quarantined += c.quarantined;
            }
            errors += r.issues.stream().filter(i -> "error".equals(i.severity)).count();
        }
        out.printf("  inputs: %d files, %s rows read, %s quarantined, %d file error(s)%n", files, human(read),
                human(quarantined), errors);
        ReleaseLayout releases = new ReleaseLayout(ctx.settings().releases());
        for (String tier : ctx.settings().tiers()) {
            Path dir = releases.published(ctx.settings().version(), tier);
            Path manifest = dir.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                continue;
            }
            out.println("  published " + tier + ": " + dir);
            try {
                JsonNode m = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(manifest));
                Map<String, Long> counts = new TreeMap<>();
                m.get("tables").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().get("row_count").asLong()));
                StringBuilder line = new StringBuilder("   ");
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                    if (e.getValue() == 0 || e.getKey().endsWith("_ext") || e.getKey().startsWith("concept")
                            || e.getKey().equals("vocabulary") || e.getKey().equals("domain") || e.getKey().equals("relationship")) {
                        continue;
                    }
                    String item = " " + e.getKey() + "=" + human(e.getValue());
                    if (line.length() + item.length() > 110) {
                        out.println(line);
                        line = new StringBuilder("   ");
                    }
                    line.append(item);
                }
                out.println(line);
                Path ledgerFile = dir.resolve("qa/ledger.json");
                if (Files.isRegularFile(ledgerFile)) {
                    Ledger l = WorkLayout.readJson(ledgerFile, Ledger.class);
                    long removed = l.tables.values().stream().mapToLong(Ledger.Entry::removedTotal).sum();
                    out.printf("    ledger: %s (%s rows removed by rules)%n", l.reconciled() ? "reconciled" : "DOES NOT RECONCILE",
                            human(removed));
                }
                Path qaReport = dir.resolve("qa/report.json");
                if (Files.isRegularFile(qaReport)) {
                    JsonNode q = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(qaReport));
                    out.printf("    qa: %d checks, %d failed (%d fatal), gate %s: %s%n", q.at("/Overview/countTotal").asLong(),
                            q.at("/Overview/countOverallFailed").asLong(), q.at("/Gate/failedFatalChecks").size(),
                            q.at("/Gate/status").asText(), dir.resolve("qa/report.html"));
                }
            } catch (java.io.IOException e) {
                out.println("    (cannot read manifest: " + e.getMessage() + ")");
            }
        }
        if (!execution.failures().isEmpty()) {
            out.println("  failure: " + rootMessage(execution.failures().get(0)));
            out.println("  " + hint(Cdr.exitCodeOf(execution.failures())));
        }
        out.println("  log: " + log);
    }

    /** What an operator does next, by exit code. */
    static String hint(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.JOB_FAILED -> "the machine or its files failed: fix the cause (disk, permissions, memory) and "
                    + "run the same command again to resume from the failed step";
            case ExitCodes.QA_FAILED -> "fix the data or the thresholds (config/qa/) and run again, or publish anyway with "
                    + "--accept-failed-qa \"<reason>\"";
            case ExitCodes.PRIVACY_AUDIT_FAILED -> "nothing was published: fix the leak at its source and run again";
            case ExitCodes.INTERNAL -> "internal error (a bug in cdr-builder): running again would fail the same way; "
                    + "the log has the stack trace, please report it";
            default -> "see the message above; nothing was published";
        };
    }

    /**
     * Rows and rows/s per table of the row-streaming stages: per thread (rows over the summed time of the units that
     * read the table) and per wall-clock second of the whole stage.
     */
    private static void printThroughput(PrintStream out, BuildContext ctx, BuildOutcome execution) {
        for (String stage : List.of(IngestStage.NAME, "harmonize")) {
            BuildOutcome.StageRun step = execution.stage(stage);
            List<UnitReport> reports = ctx.layout().reports(stage);
            if (step == null || step.time() == null || reports.isEmpty()) {
                continue;
            }
            double wall = Math.max(1e-3, step.time().toMillis() / 1000.0);
            Map<String, long[]> byTable = new TreeMap<>();
            long total = 0;
            for (UnitReport r : reports) {
                if (r.tables.isEmpty()) {
                    continue;
                }
                long unitRows = r.tables.values().stream().mapToLong(c -> c.in).sum();
                total += unitRows;
                for (Map.Entry<String, UnitReport.TableCounts> e : r.tables.entrySet()) {
                    long[] a = byTable.computeIfAbsent(e.getKey(), k -> new long[2]);
                    a[0] += e.getValue().in;
                    a[1] += unitRows == 0 ? 0 : r.millis * e.getValue().in / unitRows;
                }
            }
            out.printf("  %-10s %s rows in %.1f s wall = %s rows/s%n", stage, human(total), wall, human((long) (total / wall)));
            byTable.entrySet().stream().filter(e -> e.getValue()[0] >= 1000)
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(6)
                    .forEach(e -> out.printf("    %-22s %9s rows %9s rows/s per thread%n", e.getKey(), human(e.getValue()[0]),
                            human((long) (e.getValue()[0] / Math.max(1e-3, e.getValue()[1] / 1000.0)))));
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    static String human(long n) {
        if (n >= 10_000_000) {
            return String.format("%.1fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format("%.0fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
