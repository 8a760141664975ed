package org.cdrbuilder.steps.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.IntHashSet;

/**
 * The program's own concepts (generalized answers 2000000001 ..., "None Indicated" 2100000001, and their
 * vocabularies AoU_General and AoU_Custom), from {@code config/tiers/program-concepts.csv} (next to the
 * generalization table that writes them): an Athena download
 * does not have them, yet the privacy rules write them. Those the vocabulary lacks are added, counted in the ledger
 * as created by {@code vocabulary/program_concepts_added}, so every concept a release uses resolves.
 */
final class ProgramConcepts {
    static final String UNIT = "vocab.program_concepts";
    static final String RULE = "program_concepts_added";

    private ProgramConcepts() {
    }

    static Path file(BuildContext ctx) {
        return ctx.settings().tierProfilesDir().resolve("program-concepts.csv");
    }

    /** Writes the missing program concepts and vocabularies as a unit of the vocabulary stage. */
    static void add(BuildContext ctx) {
        Path file = file(ctx);
        if (!Files.isRegularFile(file)) {
            return;
        }
        CdrSchema schema = ctx.schema();
        TableDef concept = schema.table("concept");
        TableDef vocabulary = schema.table("vocabulary");
        IntHashSet known = new IntHashSet();
        RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "concept").stream()
                        .filter(p -> !p.getFileName().toString().startsWith(UNIT)).toList(),
                concept, Set.of("concept_id"), r -> known.add((Integer) r.get("concept_id")));
        Set<String> vocabularies = new java.util.HashSet<>();
        RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "vocabulary").stream()
                        .filter(p -> !p.getFileName().toString().startsWith(UNIT)).toList(),
                vocabulary, Set.of("vocabulary_id"), r -> vocabularies.add((String) r.get("vocabulary_id")));
        List<Row> concepts = new ArrayList<>();
        try (DelimitedFile in = DelimitedFile.open(file)) {
            List<String> h = in.header();
            while (in.hasNext()) {
                DelimitedFile.Record rec = in.next();
                Row r = new Row(concept);
                for (int i = 0; i < h.size(); i++) {
                    String v = rec.field(i);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    String col = h.get(i);
                    switch (concept.column(col).type()) {
                        case INTEGER -> r.set(col, Integer.parseInt(v));
                        case DATE -> r.set(col, LocalDate.parse(v));
                        default -> r.set(col, v);
                    }
                }
                if (!known.contains((Integer) r.get("concept_id"))) {
                    concepts.add(r);
                }
            }
        }
        ctx.layout().clearUnit(VocabularyStage.NAME, UNIT); // complete() may run again after a restart
        UnitReport report = new UnitReport();
        report.unit = UNIT;
        report.stage = VocabularyStage.NAME;
        report.sourceKind = "config";
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), VocabularyStage.NAME, UNIT, ctx.settings().parquet())) {
            for (Row r : concepts) {
                out.write(r);
                count(report, "concept");
                if (r.get("concept_class_id").equals("Vocabulary") && vocabularies.add((String) r.get("concept_name"))) {
                    out.write(new Row(vocabulary).set("vocabulary_id", r.get("concept_name"))
                            .set("vocabulary_name", r.get("concept_name")).set("vocabulary_reference", "program")
                            .set("vocabulary_concept_id", r.get("concept_id")));
                    count(report, "vocabulary");
                }
            }
            out.writer(concept);
            out.commit();
        }
        ctx.layout().writeReport(VocabularyStage.NAME, report);
    }

    private static void count(UnitReport report, String table) {
        UnitReport.TableCounts c = report.table(table);
        c.created++;
        c.out++;
        c.createdBy.merge(RULE, 1L, Long::sum);
    }
}
