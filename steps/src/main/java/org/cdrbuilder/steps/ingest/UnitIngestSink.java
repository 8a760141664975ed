package org.cdrbuilder.steps.ingest;

import java.util.HashMap;
import java.util.Map;

import org.cdrbuilder.core.quarantine.QuarantineWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.validate.Violation;

/** The {@link IngestSink} of one ingest unit: staged Parquet per table, the unit's quarantine, and its counts. */
final class UnitIngestSink implements IngestSink {
    private final BuildContext ctx;
    private final String stage;
    private final String unitId;
    private final UnitOutputs outputs;
    private final UnitReport report;
    private final Map<String, long[]> ids = new HashMap<>();
    private QuarantineWriter quarantine;
    private String kind;
    private String site;
    private String file;
    private long rows;
    /** While set, rows read are counted as removed by this ingest rule instead of staged. */
    private String removingAs;

    UnitIngestSink(BuildContext ctx, String stage, String unitId, UnitOutputs outputs, UnitReport report) {
        this.ctx = ctx;
        this.stage = stage;
        this.unitId = unitId;
        this.outputs = outputs;
        this.report = report;
        this.kind = report.sourceKind;
        this.site = report.site;
    }

    /** Sets the file being read (relative to the drop); quarantine records name it. */
    void file(String relativePath) {
        this.file = relativePath;
    }

    /** Rows of the next files are read and counted as removed by {@code rule} (null: staged again). */
    void removeAs(String rule) {
        this.removingAs = rule;
    }

    @Override
    public String currentFile() {
        return file;
    }

    @Override
    public void accept(Row row) {
        UnitReport.TableCounts c = report.table(row.table().name());
        c.in++;
        if (removingAs != null) {
            c.remove(removingAs);
        } else {
            outputs.write(row);
            c.out++;
        }
        tick(row.table().name());
    }

    @Override
    public void quarantine(String table, Long line, String pointer, Violation violation) {
        if (quarantine == null) {
            quarantine = new QuarantineWriter(ctx.layout().quarantine(stage, unitId), kind, site,
                    file == null ? "(unknown)" : file);
        }
        quarantine.add(table, file, line, pointer, violation);
        UnitReport.TableCounts c = report.table(table);
        c.in++;
        c.quarantined++;
        tick(table);
    }

    @Override
    public void warn(String table, Long line, String pointer, String reason) {
        report.warned(table + ": " + reason, file, line, pointer, 5);
    }

    @Override
    public long nextLocalId(String table) {
        return ids.computeIfAbsent(table, t -> new long[1])[0]++;
    }

    private void tick(String table) {
        if ((++rows & 0x3fff) == 0) {
            ctx.progress().rows(table, 0x4000);
            ctx.faults().checkpoint(stage, unitId, rows);
        }
    }

    void close() {
        if (quarantine != null) {
            quarantine.close();
        }
    }

    void abort() {
        if (quarantine != null) {
            quarantine.abort();
        }
    }
}
