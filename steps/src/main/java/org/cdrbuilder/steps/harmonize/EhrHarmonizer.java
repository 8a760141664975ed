package org.cdrbuilder.steps.harmonize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * Harmonizes the staged rows of one EHR table of one site: replaces site-local ids with release ids (recording the mapping), resolves visit references through the site's
 * visits, drops references to tables that are never published, standardizes concepts, and adds the row's
 * {@code _ext} provenance with the site's masked label.
 */
public final class EhrHarmonizer {
    public static final String SUPPRESSED_TABLE = "table_always_published_empty";
    public static final String EHR_PERSON = "ehr_person_replaced_by_registry_person";
    public static final String VISIT_NOT_FOUND = "visit_reference_not_found_set_to_null";
    public static final String SUPPRESSED_REFERENCE = "reference_to_unpublished_table_set_to_null";

    private static final List<String> UNPUBLISHED_REFERENCES = List.of("provider_id", "care_site_id", "location_id",
            "visit_detail_id");

    private final TableDef table;
    private final TableDef staged;
    private final SiteVisitIndex visits;
    private final ConceptStandardizer concepts;
    private final String site;
    private final String file;
    private final String srcLabel;
    private final long offset;
    private final boolean suppressed;
    private final TableDef ext;
    private final TableDef mapping;
    private final int pk;
    private final int personCol;
    private final int visitCol;
    private final int precedingVisitCol;
    private final int[] unpublishedRefs;
    private final MissingEndDates endDates;

    public EhrHarmonizer(TableDef table, TableDef staged, Registry registry, Vocabulary vocabulary, SiteVisitIndex visits,
                         Map<String, List<String>> sourceVocabularies, String site, String file, String srcLabel,
                         long offset, boolean suppressed) {
        this.table = table;
        this.staged = staged;
        this.visits = visits;
        this.concepts = new ConceptStandardizer(vocabulary, table, sourceVocabularies);
        this.site = site;
        this.file = file;
        this.srcLabel = srcLabel;
        this.offset = offset;
        this.suppressed = suppressed;
        CdrSchema schema = CdrSchema.get();
        this.ext = schema.findTable(table.name() + "_ext").orElse(null);
        this.mapping = schema.table("_id_mapping");
        this.pk = table.primaryKey().filter(c -> !c.name().equals("person_id")).map(c -> table.indexOf(c.name())).orElse(-1);
        this.personCol = table.indexOfOrMinus1("person_id");
        this.visitCol = table.name().equals("visit_occurrence") ? -1 : table.indexOfOrMinus1("visit_occurrence_id");
        this.precedingVisitCol = table.indexOfOrMinus1("preceding_visit_occurrence_id");
        this.unpublishedRefs = UNPUBLISHED_REFERENCES.stream().mapToInt(table::indexOfOrMinus1).filter(i -> i >= 0).toArray();
        this.endDates = MissingEndDates.forTable(table);
    }

    /** Harmonizes every row of {@code staged}, writing to {@code out} and counting in {@code counts}. */
    public void run(Path staged, UnitOutputs out, UnitReport.TableCounts counts, Runnable everyRow) {
        try (RowParquetReader r = RowParquetReader.open(staged, this.staged)) {
            long ordinal = 0;
            while (r.hasNext()) {
                Row row = r.next();
                long releaseId = offset + ordinal++;
                counts.in++;
                String removal = removal(row);
                if (removal != null) {
                    counts.remove(removal);
                    out.sandbox(SandboxTables.copy(row, removal, null));
                } else {
                    harmonize(row, releaseId, out, counts);
                    counts.out++;
                }
                everyRow.run();
            }
        }
    }

    private String removal(Row row) {
        if (suppressed) {
            return SUPPRESSED_TABLE;
        }
        if (table.name().equals("person")) {
            return EHR_PERSON;
        }
        return null;
    }

    private final java.util.Set<String> rowChanges = new java.util.TreeSet<>();

    private void harmonize(Row row, long releaseId, UnitOutputs out, UnitReport.TableCounts counts) {
        rowChanges.clear();
        long id = releaseId;
        if (pk >= 0) {
            Long local = row.getLong(pk);
            out.write(new Row(mapping)
                    .set("release_id", releaseId)
                    .set("table_name", table.name())
                    .set("source_kind", "ehr")
                    .set("site", site)
                    .set("file", file)
                    .set("source_id", String.valueOf(local)));
            row.set(pk, releaseId);
        } else {
            id = row.getLong(personCol);
        }
        if (visitCol >= 0) {
            resolveVisit(row, visitCol, counts);
        }
        if (precedingVisitCol >= 0) {
            resolveVisit(row, precedingVisitCol, counts);
        }
        for (int c : unpublishedRefs) {
            if (row.get(c) != null) {
                row.set(c, null);
                rowChanges.add(SUPPRESSED_REFERENCE);
            }
        }
        if (endDates != null) {
            endDates.fill(row, rowChanges::add);
        }
        concepts.standardize(row, rowChanges::add);
        rowChanges.forEach(counts::change);
        out.write(row.as(table));
        if (ext != null) {
            out.write(new Row(ext).set(0, id).set("src_id", srcLabel));
        }
    }

    private void resolveVisit(Row row, int col, UnitReport.TableCounts counts) {
        Long local = row.getLong(col);
        if (local == null) {
            return;
        }
        long release = visits.releaseId(local);
        if (release < 0) {
            row.set(col, null);
            rowChanges.add(VISIT_NOT_FOUND);
        } else {
            row.set(col, release);
        }
    }

    static Set<String> outputsOf(TableDef table) {
        return Set.of(table.name(), table.name() + "_ext", "_id_mapping");
    }
}
