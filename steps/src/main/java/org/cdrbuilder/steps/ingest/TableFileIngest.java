package org.cdrbuilder.steps.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.io.MalformedFileException;
import org.cdrbuilder.core.quarantine.QuarantineWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.core.validate.RecordMapper;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;

/**
 * Reads one delimited file into rows of one table: every record is validated against the schema and either staged
 * or quarantined with its line, field and reason. A file lacking a NOT NULL column quarantines every row; a file
 * that breaks (unterminated quote) is reported with the number of lines that could not be read.
 */
public final class TableFileIngest {

    /** A further check of a parsed row; returns a violation to quarantine it, or null to keep it. */
    @FunctionalInterface
    public interface RowCheck {
        Violation check(Row row);
    }

    /** Turns a staged row into what is written (e.g. drops identifying columns); null writes nothing. */
    @FunctionalInterface
    public interface RowShaper {
        Row shape(Row row);
    }

    private static final int DROPPED_EXAMPLES = 5;

    private TableFileIngest() {
    }

    public static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, TableDef table, Path file,
                                 String relativePath, Map<String, String> aliases, RowCheck check, RowShaper shaper) {
        return run(ctx, stage, unit, table, file, relativePath, aliases, java.util.Set.of(), check, shaper);
    }

    public static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, TableDef table, Path file,
                                 String relativePath, Map<String, String> aliases, java.util.Set<String> derivable,
                                 RowCheck check, RowShaper shaper) {
        return run(ctx, stage, unit, table, file, relativePath, aliases, derivable, RecordMapper.FieldPolicy.STRICT,
                check, shaper);
    }

    /**
     * @param policy how the source writes its values (normalization, and fields whose invalid values are dropped
     *               rather than quarantining the row; each drop is reported with line, field and reason)
     */
    public static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, TableDef table, Path file,
                                 String relativePath, Map<String, String> aliases, java.util.Set<String> derivable,
                                 RecordMapper.FieldPolicy policy, RowCheck check, RowShaper shaper) {
        String kind = unit.attr("kind");
        String site = unit.attrOrNull("site");
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = stage;
        report.sourceKind = kind;
        report.site = site;
        report.file = relativePath;
        UnitReport.TableCounts counts = report.table(table.name());
        long started = System.nanoTime();
        try {
            report.bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), stage, unit.id(), ctx.settings().workParquet());
             QuarantineWriter quarantine = new QuarantineWriter(ctx.layout().quarantine(stage, unit.id()), kind, site,
                     relativePath)) {
            TableDef outTable = table;
            DelimitedFile in = null;
            try {
                in = DelimitedFile.open(file);
            } catch (UncheckedIOException | MalformedFileException e) {
                // unreadable (permissions, a broken gzip, a binary header): reported for its source, skipped
                report.issues.add(new UnitReport.FileIssue("error", "file cannot be read, skipped: "
                        + rootMessage(e), null));
            }
            if (in != null) {
                try (DelimitedFile f = in) {
                    outTable = read(ctx, stage, unit, table, file, f, aliases, derivable, policy, check, shaper, out,
                            quarantine, report, counts);
                    report.sha256 = f.sha256();
                }
            } else {
                report.sha256 = org.cdrbuilder.core.io.Fingerprint.sha256(file.toString() + "|unreadable");
            }
            // an empty staged file keeps the table's presence explicit for later stages, also for a file without rows
            out.writer(outTable);
            report.inputs.add(new UnitReport.InputFile(relativePath, report.bytes, report.sha256));
            out.commit();
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        return report;
    }

    /** Reads the records of an open file into staged rows and quarantine; returns the table written. */
    private static TableDef read(BuildContext ctx, String stage, WorkUnit unit, TableDef table, Path file,
                                 DelimitedFile in, Map<String, String> aliases, java.util.Set<String> derivable,
                                 RecordMapper.FieldPolicy policy, RowCheck check, RowShaper shaper, UnitOutputs out,
                                 QuarantineWriter quarantine, UnitReport report, UnitReport.TableCounts counts) {
        TableDef outTable = table;
        if (in.header().isEmpty()) {
            report.issues.add(new UnitReport.FileIssue("warning", "empty file (no header row), skipped", null));
            return outTable;
        }
        RecordMapper mapper = RecordMapper.forHeader(table, in.header(), aliases, derivable, policy);
        if (!mapper.unknownColumns().isEmpty()) {
            report.issues.add(new UnitReport.FileIssue("warning",
                    "columns not in the " + table.name() + " schema were ignored: " + mapper.unknownColumns(), 1L));
        }
        if (!mapper.usable()) {
            report.issues.add(new UnitReport.FileIssue("error",
                    "header lacks required column(s) " + mapper.missingRequired() + "; every row is quarantined", 1L));
        }
        String missingReason = "file lacks required column(s) " + mapper.missingRequired();
        long lastLine = 1;
        try {
            while (in.hasNext()) {
                DelimitedFile.Record rec = in.next();
                lastLine = rec.line() + rec.lines() - 1;
                counts.in++;
                if (!mapper.usable()) {
                    quarantine.add(table.name(), rec.line(), null,
                            new Violation(mapper.missingRequired().get(0), missingReason, null));
                    counts.quarantined++;
                    continue;
                }
                RecordMapper.Result r = mapper.map(rec);
                if (r instanceof RecordMapper.Bad bad) {
                    quarantine.add(table.name(), rec.line(), null, bad.violation());
                    counts.quarantined++;
                    continue;
                }
                RecordMapper.Ok ok = (RecordMapper.Ok) r;
                Row row = ok.row();
                Violation v = check == null ? null : check.check(row);
                if (v != null) {
                    quarantine.add(table.name(), rec.line(), null, v);
                    counts.quarantined++;
                    continue;
                }
                for (Violation d : ok.dropped()) {
                    report.valueDropped(rec.line(), d.field(), d.reason(), DROPPED_EXAMPLES);
                }
                Row shaped = shaper == null ? row : shaper.shape(row);
                if (shaped != null) {
                    outTable = shaped.table();
                    out.write(shaped);
                    counts.out++;
                }
                if ((counts.in & 0x3fff) == 0) {
                    ctx.progress().rows(table.name(), 0x4000);
                    ctx.faults().checkpoint(stage, unit.id(), counts.in);
                }
            }
        } catch (MalformedFileException e) {
            // the bytes stop making sense (a truncated gzip): the rest of the file is counted as quarantined lines
            long remaining = countRemainingLines(file, lastLine);
            report.issues.add(new UnitReport.FileIssue("error", "file cannot be read after line " + lastLine
                    + " (" + rootMessage(e) + "); " + remaining + " remaining line(s) are counted as quarantined",
                    lastLine + 1));
            counts.in += remaining;
            counts.quarantined += remaining;
            quarantine.add(table.name(), lastLine + 1, null, new Violation(null,
                    "malformed file: " + rootMessage(e) + " (" + remaining + " line(s) unreadable)", null));
            in.drainForDigest();
        }
        ctx.progress().rows(table.name(), counts.in & 0x3fff);
        return outTable;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static long countRemainingLines(Path file, long afterLine) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file), java.nio.charset.StandardCharsets.UTF_8))) {
            long n = 0;
            long total = 0;
            String s;
            while ((s = lines.readLine()) != null) {
                total++;
                if (total > afterLine && !s.isEmpty()) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }
}
