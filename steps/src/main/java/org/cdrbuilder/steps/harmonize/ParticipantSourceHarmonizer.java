package org.cdrbuilder.steps.harmonize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongLongHashMap;

/**
 * Harmonizes the staged rows of one participant-provided unit (surveys, physical measurements, Fitbit): release ids
 * with the mapping, the unit-local links between its tables (an answer's response, a measurement's session visit)
 * re-keyed to release ids, concepts validated, and {@code _ext} provenance with the portal's masked label.
 */
public final class ParticipantSourceHarmonizer {
    public static final String SRC_ID = org.cdrbuilder.steps.common.ParticipantPortal.SOURCE_ID;

    /** A unit-local reference from a child table to a parent table of the same unit. */
    record Link(String childTable, String childColumn, String parentTable) {
    }

    /** Tables in the order they are harmonized (parents first) and their links, per source kind. */
    static final Map<String, List<String>> TABLES = Map.of(
            "survey", List.of("survey_conduct", "observation"),
            "pm", List.of("visit_occurrence", "measurement"),
            "fitbit", List.of("activity_summary", "heart_rate_minute_level", "heart_rate_summary", "steps_intraday",
                    "sleep_daily_summary", "sleep_level", "device"));
    static final List<Link> LINKS = List.of(
            new Link("observation", "questionnaire_response_id", "survey_conduct"),
            new Link("measurement", "visit_occurrence_id", "visit_occurrence"));

    private final String kind;
    private final String unitId;
    private final Vocabulary vocabulary;
    private final Map<String, List<String>> sourceVocabularies;
    private final Map<String, Long> offsets;
    private final TableDef mapping = CdrSchema.get().table("_id_mapping");

    public ParticipantSourceHarmonizer(String kind, String unitId, Vocabulary vocabulary,
                                       Map<String, List<String>> sourceVocabularies, Map<String, Long> offsets) {
        this.kind = kind;
        this.unitId = unitId;
        this.vocabulary = vocabulary;
        this.sourceVocabularies = sourceVocabularies;
        this.offsets = offsets;
    }

    /**
     * @param stagedFile the staged file of a table of the unit
     * @param everyRow called after each row (progress and fault injection)
     */
    public void run(java.util.function.Function<String, Path> stagedFile, UnitOutputs out, UnitReport report,
                    Runnable everyRow) {
        java.util.Map<String, LongLongHashMap> localToRelease = new java.util.HashMap<>();
        for (String tableName : TABLES.get(kind)) {
            Path staged = stagedFile.apply(tableName);
            if (!Files.isRegularFile(staged)) {
                continue;
            }
            TableDef table = CdrSchema.get().table(tableName);
            UnitReport.TableCounts counts = report.table(tableName);
            int pk = table.primaryKey().map(c -> table.indexOf(c.name())).orElse(-1);
            boolean parent = LINKS.stream().anyMatch(l -> l.parentTable().equals(tableName));
            LongLongHashMap ids = parent ? new LongLongHashMap() : null;
            List<Link> links = LINKS.stream().filter(l -> l.childTable().equals(tableName)).toList();
            ConceptStandardizer concepts = new ConceptStandardizer(vocabulary, table, sourceVocabularies);
            TableDef ext = CdrSchema.get().findTable(tableName + "_ext").orElse(null);
            int srcCol = table.indexOfOrMinus1("src_id");
            Long offset = offsets.get(IdPlan.key(unitId, tableName));
            java.util.Set<String> changes = new java.util.TreeSet<>();
            if (pk < 0 && offset == null && links.isEmpty() && ext == null && concepts.isEmpty() && srcCol >= 0
                    && RowParquetReader.columnIsConstant(staged, "src_id", SRC_ID)) {
                // nothing to change in any row (no ids, links, provenance or concepts; the source already set):
                // the staged file is this unit's output as it is
                out.link(table, staged);
                long n = RowParquetReader.countRows(staged);
                counts.in += n;
                counts.out += n;
                continue;
            }
            try (RowParquetReader r = RowParquetReader.open(staged, table)) {
                long ordinal = 0;
                while (r.hasNext()) {
                    Row row = r.next();
                    counts.in++;
                    long releaseId = offset == null ? -1 : offset + ordinal;
                    ordinal++;
                    if (pk >= 0 && ids != null) {
                        ids.put(row.getLong(pk), releaseId);
                    }
                    changes.clear();
                    if (pk >= 0) {
                        out.write(new Row(mapping).set("release_id", releaseId).set("table_name", tableName)
                                .set("source_kind", kind).set("file", unitId)
                                .set("source_id", String.valueOf(row.getLong(pk))));
                        row.set(pk, releaseId);
                    }
                    for (Link l : links) {
                        int col = table.indexOf(l.childColumn());
                        Long local = row.getLong(col);
                        LongLongHashMap parentIds = localToRelease.get(l.parentTable());
                        if (local != null) {
                            long release = parentIds == null ? -1 : parentIds.getOrDefault(local, -1L);
                            row.set(col, release < 0 ? null : release);
                        }
                    }
                    if (srcCol >= 0) {
                        row.set(srcCol, SRC_ID);
                    }
                    concepts.standardize(row, changes::add);
                    changes.forEach(counts::change);
                    out.write(row);
                    if (ext != null) {
                        out.write(new Row(ext).set(0, releaseId).set("src_id", SRC_ID));
                    }
                    counts.out++;
                    everyRow.run();
                }
            }
            if (ids != null) {
                localToRelease.put(tableName, ids);
            }
        }
    }
}
