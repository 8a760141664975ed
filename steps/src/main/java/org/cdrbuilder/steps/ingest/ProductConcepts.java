package org.cdrbuilder.steps.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.IntHashSet;

/**
 * The concepts this product writes itself ({@code config/vocabulary/product-concepts.csv}): the type concepts of
 * observation periods, survey answers and physical measurements, the visit and collection-method concepts, the
 * skip answer and computed BMI, the units it converts to, the demographic concepts of {@code demographics.yaml},
 * and the program's generalized answers. A vocabulary subset may lack any of them, and then the release would
 * fail its own foreign-key checks: those it lacks are added, with their real OMOP (or program) names, domains,
 * vocabularies and classes, and so are their vocabularies ({@code product-vocabularies.csv}). The ledger counts
 * them as created by {@code vocabulary/product_concepts_added}; the manifest lists their ids.
 */
public final class ProductConcepts {
    public static final String UNIT = "vocab.product_concepts";
    static final String RULE = "product_concepts_added";
    public static final String CONCEPTS_FILE = "product-concepts.csv";
    public static final String VOCABULARIES_FILE = "product-vocabularies.csv";
    /** Detail of the unit report: the ids of the concepts that were added. */
    public static final String ADDED = "added_concept_ids";

    private ProductConcepts() {
    }

    static Path dir(BuildContext ctx) {
        return ctx.settings().vocabularyConfigDir();
    }

    /** Every product concept id of a vocabulary configuration folder (for tests and tools). */
    public static List<Integer> ids(Path vocabularyConfigDir) {
        return ConfigTable.read(vocabularyConfigDir.resolve(CONCEPTS_FILE), "concept_id").stream()
                .map(r -> r.integer("concept_id")).toList();
    }

    /** Writes the missing product concepts and vocabularies as a unit of the vocabulary stage. */
    static void add(BuildContext ctx) {
        Path concepts = dir(ctx).resolve(CONCEPTS_FILE);
        Path vocabularies = dir(ctx).resolve(VOCABULARIES_FILE);
        if (!Files.isRegularFile(concepts)) {
            throw new org.cdrbuilder.core.config.ConfigException("product concepts not found: " + concepts);
        }
        CdrSchema schema = ctx.schema();
        TableDef concept = schema.table("concept");
        TableDef vocabulary = schema.table("vocabulary");
        IntHashSet known = new IntHashSet();
        RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "concept").stream()
                        .filter(p -> !p.getFileName().toString().startsWith(UNIT)).toList(),
                concept, Set.of("concept_id"), r -> known.add((Integer) r.get("concept_id")));
        Set<String> knownVocabularies = new HashSet<>();
        RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "vocabulary").stream()
                        .filter(p -> !p.getFileName().toString().startsWith(UNIT)).toList(),
                vocabulary, Set.of("vocabulary_id"), r -> knownVocabularies.add((String) r.get("vocabulary_id")));
        List<Row> addedConcepts = new ArrayList<>();
        Set<String> neededVocabularies = new HashSet<>();
        for (ConfigTable.Row c : ConfigTable.read(concepts, "concept_id", "concept_name", "domain_id", "vocabulary_id",
                "concept_class_id", "concept_code", "valid_start_date", "valid_end_date")) {
            Row r = row(concept, c);
            if (!known.contains((Integer) r.get("concept_id"))) {
                addedConcepts.add(r);
                neededVocabularies.add((String) r.get("vocabulary_id"));
            }
        }
        List<Row> addedVocabularies = new ArrayList<>();
        if (Files.isRegularFile(vocabularies)) {
            for (ConfigTable.Row v : ConfigTable.read(vocabularies, "vocabulary_id", "vocabulary_name")) {
                if (neededVocabularies.contains(v.get("vocabulary_id")) && !knownVocabularies.contains(v.get("vocabulary_id"))) {
                    addedVocabularies.add(row(vocabulary, v));
                }
            }
        }
        ctx.layout().clearUnit(VocabularyStage.NAME, UNIT); // complete() may run again after a restart
        UnitReport report = new UnitReport();
        report.unit = UNIT;
        report.stage = VocabularyStage.NAME;
        report.sourceKind = "config";
        report.details.put(ADDED, addedConcepts.stream().map(r -> (Integer) r.get("concept_id")).sorted().toList());
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), VocabularyStage.NAME, UNIT, ctx.settings().parquet())) {
            for (Row r : addedConcepts) {
                out.write(r);
                count(report, "concept");
            }
            for (Row r : addedVocabularies) {
                out.write(r);
                count(report, "vocabulary");
            }
            out.writer(concept);
            out.commit();
        }
        ctx.layout().writeReport(VocabularyStage.NAME, report);
    }

    private static Row row(TableDef table, ConfigTable.Row c) {
        Row r = new Row(table);
        c.values().forEach((col, v) -> {
            ColumnDef def = table.column(col);
            switch (def.type()) {
                case INTEGER -> r.set(col, c.integer(col));
                case DATE -> r.set(col, LocalDate.parse(v));
                default -> {
                    if (def.maxLength() > 0 && v != null && v.length() > def.maxLength()) {
                        throw new org.cdrbuilder.core.config.ConfigException(c.where() + ": " + col + " has "
                                + v.length() + " characters; the " + table.name() + " table holds at most "
                                + def.maxLength());
                    }
                    r.set(col, v);
                }
            }
        });
        return r;
    }

    private static void count(UnitReport report, String table) {
        UnitReport.TableCounts c = report.table(table);
        c.created++;
        c.out++;
        c.createdBy.merge(RULE, 1L, Long::sum);
    }
}
