package org.cdrbuilder.steps.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;

/**
 * Runs a reader of participant-provided JSON inputs (surveys, physical measurements, Fitbit) over the files of one
 * unit, staging rows and quarantine through a {@link UnitIngestSink}, and fingerprints every file read.
 */
final class JsonSourceIngest {

    /** Reads one file into the sink. */
    @FunctionalInterface
    interface FileReader {
        void read(Path file, IngestSink sink) throws IOException;
    }

    private JsonSourceIngest() {
    }

    static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, List<Path> files, String label,
                          FileReader reader) throws IOException {
        return run(ctx, stage, unit, files, label, reader, java.util.Map.of());
    }

    /**
     * @param removedBy files whose rows are read and counted as removed by the named ingest rule (duplicate
     *                  downloads), so that every source row is still accounted for
     */
    static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, List<Path> files, String label,
                          FileReader reader, java.util.Map<Path, String> removedBy) throws IOException {
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = stage;
        report.sourceKind = unit.attr("kind");
        report.file = label;
        long started = System.nanoTime();
        Path drop = ctx.settings().drop();
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), stage, unit.id(), ctx.settings().workParquet())) {
            UnitIngestSink sink = new UnitIngestSink(ctx, stage, unit.id(), out, report);
            try {
                for (Path f : files) {
                    String rel = drop.relativize(f).toString().replace('\\', '/');
                    sink.file(rel);
                    sink.removeAs(removedBy.get(f));
                    reader.read(f, sink);
                    long size = Files.size(f);
                    report.bytes += size;
                    report.inputs.add(new UnitReport.InputFile(rel, size, Fingerprint.sha256(f)));
                }
                out.commit();
                sink.close();
            } catch (IOException | RuntimeException e) {
                sink.abort();
                throw e;
            }
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        return report;
    }
}
