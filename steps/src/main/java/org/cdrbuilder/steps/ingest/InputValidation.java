package org.cdrbuilder.steps.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.quarantine.QuarantineWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Input validation results per source (registry, vocabulary, each EHR site, surveys...): files found and loaded,
 * rows read, staged and quarantined per file, file-level issues, quarantine reasons with counts and a few examples
 * (file, line or pointer, field, reason; never the offending value). The published form masks site ids.
 */
public final class InputValidation {
    private static final int EXAMPLES = 5;

    /** The report: one entry per source, plus the files that were not inputs. */
    public List<Source> sources = new ArrayList<>();
    public List<Map<String, String>> ignored = new ArrayList<>();
    public long filesFound;
    public long filesWithErrors;
    public long rowsRead;
    public long rowsQuarantined;
    /** Invalid values dropped from rows that were kept (fields that do not decide whether a row is usable). */
    public long valuesDropped;

    public static final class Source {
        public String kind;
        public String site;
        public long filesFound;
        public long filesLoaded;
        public long rowsRead;
        public long rowsStaged;
        public long rowsQuarantined;
        public long valuesDropped;
        public List<FileResult> files = new ArrayList<>();
    }

    public static final class FileResult {
        public String file;
        public String table;
        public String sha256;
        public long bytes;
        public long rowsRead;
        public long rowsStaged;
        public long rowsQuarantined;
        public List<UnitReport.FileIssue> issues = new ArrayList<>();
        /** "field: reason" to count. */
        public Map<String, Long> reasons = new TreeMap<>();
        public List<Map<String, Object>> examples = new ArrayList<>();
        /** Rows staged with a warning (codes the vocabulary lacks), "table: reason" to count. */
        public Map<String, Long> warnings = new TreeMap<>();
        public List<Map<String, Object>> warningExamples = new ArrayList<>();
        /** Invalid values left empty in kept rows, "field: reason" to count. */
        public Map<String, Long> valuesDropped = new TreeMap<>();
        /** Line (or pointer), field and reason of the first dropped values. */
        public List<Map<String, Object>> valuesDroppedExamples = new ArrayList<>();

        public long valuesDroppedTotal() {
            return valuesDropped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Builds the report from the ingest stage's unit reports and quarantine files.
     *
     * @param siteName maps a site id to what is shown (identity for engineers, the masked label for releases)
     */
    public static InputValidation build(WorkLayout layout, Function<String, String> siteName) {
        return build(layout, siteName, true);
    }

    /**
     * @param maskParticipants replace participant ids in file paths (Fitbit folders are named after participants)
     *                         by {@code P<participant>}: true for everything published, false for the engineers'
     *                         own {@code cdr validate}
     */
    public static InputValidation build(WorkLayout layout, Function<String, String> siteName, boolean maskParticipants) {
        InputValidation v = new InputValidation();
        Map<String, Source> byKey = new LinkedHashMap<>();
        List<UnitReport> reports = new ArrayList<>(layout.reports(VocabularyStage.NAME));
        reports.addAll(layout.reports(IngestStage.NAME));
        for (UnitReport r : reports) {
            String site = r.site == null ? null : siteName.apply(r.site);
            Source s = byKey.computeIfAbsent(r.sourceKind + "|" + site, k -> {
                Source n = new Source();
                n.kind = r.sourceKind;
                n.site = site;
                return n;
            });
            FileResult f = new FileResult();
            f.file = r.site == null ? r.file : maskPath(r.file, r.site, site);
            f.table = r.tables.keySet().stream().findFirst().orElse(null);
            f.sha256 = r.sha256;
            f.bytes = r.bytes;
            r.tables.values().forEach(c -> {
                f.rowsRead += c.in;
                f.rowsStaged += c.out;
                f.rowsQuarantined += c.quarantined;
            });
            f.issues.addAll(r.issues);
            f.valuesDropped.putAll(r.valuesDropped);
            f.warnings.putAll(r.warnings);
            for (Map<String, Object> w : r.warningExamples) {
                Map<String, Object> e = new LinkedHashMap<>(w);
                if (maskParticipants && e.get("file") instanceof String wf) {
                    e.put("file", maskParticipants(wf));
                }
                f.warningExamples.add(e);
            }
            f.valuesDroppedExamples.addAll(r.valuesDroppedExamples);
            Path q = layout.quarantine(r.stage, r.unit);
            if (Files.isRegularFile(q)) {
                RowParquetReader.forEach(List.of(q), QuarantineWriter.table(),
                        Set.of("file", "line", "pointer", "field", "reason"),
                        row -> addQuarantine(f, row, site, r.site, maskParticipants));
            }
            s.filesFound++;
            if (f.issues.stream().noneMatch(i -> "error".equals(i.severity))) {
                s.filesLoaded++;
            } else {
                v.filesWithErrors++;
            }
            s.rowsRead += f.rowsRead;
            s.rowsStaged += f.rowsStaged;
            s.rowsQuarantined += f.rowsQuarantined;
            s.valuesDropped += f.valuesDroppedTotal();
            s.files.add(f);
            v.filesFound++;
            v.rowsRead += f.rowsRead;
            v.rowsQuarantined += f.rowsQuarantined;
            v.valuesDropped += f.valuesDroppedTotal();
        }
        v.sources.addAll(byKey.values());
        Path ignoredFile = layout.state(IngestStage.IGNORED_STATE);
        if (Files.isRegularFile(ignoredFile)) {
            try {
                List<Map<String, String>> ig = WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(ignoredFile),
                        new TypeReference<List<Map<String, String>>>() { });
                for (Map<String, String> i : ig) {
                    Map<String, String> m = new LinkedHashMap<>(i);
                    String site = i.get("site");
                    if (site != null) {
                        String shown = siteName.apply(site);
                        m.put("site", shown);
                        m.put("relativePath", maskPath(i.get("relativePath"), site, shown));
                    }
                    if (maskParticipants && m.get("relativePath") != null) {
                        m.put("relativePath", maskParticipants(m.get("relativePath")));
                    }
                    v.ignored.add(m);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return v;
    }

    private static void addQuarantine(FileResult f, Row row, String shownSite, String site, boolean mask) {
        String field = (String) row.get("field");
        String reason = (String) row.get("reason");
        f.reasons.merge((field == null ? "(row)" : field) + ": " + reason, 1L, Long::sum);
        if (f.examples.size() < EXAMPLES) {
            Map<String, Object> e = new LinkedHashMap<>();
            String file = (String) row.get("file");
            if (file != null && !file.equals(f.file)) {
                // units that read many files (surveys, physical measurements, Fitbit) name the file of each example
                String shown = site == null ? file : maskPath(file, site, shownSite);
                e.put("file", mask ? maskParticipants(shown) : shown);
            }
            if (row.get("line") != null) {
                e.put("line", row.get("line"));
            }
            if (row.get("pointer") != null) {
                e.put("pointer", row.get("pointer"));
            }
            e.put("field", field);
            e.put("reason", reason);
            f.examples.add(e);
        }
    }

    private static final java.util.regex.Pattern PARTICIPANT = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])[Pp]?[0-9]{5,18}(?=/)");

    /** Folder names that are participant ids (Fitbit exports) replaced by {@code P<participant>}. */
    static String maskParticipants(String path) {
        return path == null ? null : PARTICIPANT.matcher(path).replaceAll("P<participant>");
    }

    private static String maskPath(String path, String site, String shown) {
        if (path == null || site.equals(shown)) {
            return path;
        }
        return path.replace("ehr/" + site + "/", "ehr/" + shown + "/");
    }
}
