package org.cdrbuilder.steps.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.RegistryIngest;
import org.cdrbuilder.steps.ingest.VocabularyStage;

/**
 * The artifacts built from the staged inputs: the vocabulary index (a product of the vocabulary stage) and the
 * participant registry (the person index, a product of ingest), each loaded once per process.
 */
public final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * The vocabulary index built from the staged concept, concept_relationship and vocabulary tables. Only valid once
     * the vocabulary stage has completed (every later stage may use it).
     */
    public static Vocabulary vocabulary(BuildContext ctx) {
        return ctx.get(VOCABULARY);
    }

    /** The vocabulary index, produced by the vocabulary stage. */
    public static final Artifact<Vocabulary> VOCABULARY = Artifact.product("vocabulary-index", Vocabulary.class,
            ReferenceData::loadVocabulary).shipped();

    /** The participant registry (the person index), produced by ingest. */
    public static final Artifact<Registry> REGISTRY = Artifact.product("registry", Registry.class,
            ReferenceData::loadRegistry).shipped(Artifact.Shipping.of(Registry::participants,
                    (all, ctx) -> Registry.of(all)));

    private static Vocabulary loadVocabulary(BuildContext ctx) {
        {
            if (!ctx.layout().isDone(VocabularyStage.NAME, "vocab.concept")) {
                throw new IllegalStateException("the vocabulary is used before the vocabulary stage completed");
            }
            Set<String> codeVocabularies = new HashSet<>();
            ctx.settings().ingest().sourceVocabularies.values().forEach(codeVocabularies::addAll);
            codeVocabularies.add("PPI");
            codeVocabularies.add("LOINC");
            codeVocabularies.add("UCUM");
            codeVocabularies.add("AoU_General"); // the program's generalized answers
            codeVocabularies.add("AoU_Custom");
            Vocabulary.Builder b = Vocabulary.builder(codeVocabularies);
            TableDef concept = ctx.schema().table("concept");
            RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "concept"), concept, null, b::concept);
            TableDef rel = ctx.schema().table("concept_relationship");
            RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "concept_relationship"), rel,
                    Set.of("concept_id_1", "concept_id_2", "relationship_id", "invalid_reason"), b::relationship);
            TableDef voc = ctx.schema().table("vocabulary");
            RowParquetReader.forEach(ctx.layout().outputs(VocabularyStage.NAME, "vocabulary"), voc, null, b::vocabularyRow);
            return b.build();
        }
    }

    /** The registry of participants, from the staged registry. */
    public static Registry registry(BuildContext ctx) {
        return ctx.get(REGISTRY);
    }

    private static Registry loadRegistry(BuildContext ctx) {
        {
            TableDef t = ctx.schema().table(RegistryIngest.TABLE);
            List<Participant> all = new ArrayList<>();
            List<Path> parts = ctx.layout().outputs(IngestStage.NAME, RegistryIngest.TABLE);
            RowParquetReader.forEach(parts, t, null, r -> all.add(participant(r)));
            return Registry.of(all);
        }
    }

    static Participant participant(Row r) {
        return new Participant(
                Participant.parseNumber((String) r.get("participant_id")),
                (java.time.LocalDate) r.get("date_of_birth"),
                (java.time.LocalDate) r.get("primary_consent_date"),
                "yes".equalsIgnoreCase((String) r.get("ehr_consent")),
                (java.time.LocalDate) r.get("ehr_consent_date"),
                (java.time.LocalDate) r.get("withdrawal_date"),
                (java.time.LocalDate) r.get("deactivation_date"),
                (String) r.get("hpo_site_id"),
                (String) r.get("enrollment_status"),
                (java.time.LocalDate) r.get("core_participant_date"),
                (java.time.LocalDate) r.get("biospecimen_date"),
                (String) r.get("state"),
                (String) r.get("zip_code"));
    }
}
