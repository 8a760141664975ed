package org.cdrbuilder.steps.qa;

import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/** The vocabulary index of a release, read from its own concept, concept_relationship and vocabulary tables. */
final class ReleaseVocabulary {
    private ReleaseVocabulary() {
    }

    static Vocabulary load(TableSource source, CdrSchema schema) {
        Vocabulary.Builder b = Vocabulary.builder(Set.of());
        TableDef concept = schema.table("concept");
        RowParquetReader.forEach(source.parts(concept), concept, Set.of("concept_id", "domain_id", "vocabulary_id",
                "concept_class_id", "standard_concept", "concept_code", "invalid_reason"), b::concept);
        TableDef rel = schema.table("concept_relationship");
        RowParquetReader.forEach(source.parts(rel), rel, Set.of("concept_id_1", "concept_id_2", "relationship_id",
                "invalid_reason"), b::relationship);
        TableDef voc = schema.table("vocabulary");
        RowParquetReader.forEach(source.parts(voc), voc, null, b::vocabularyRow);
        return b.build();
    }
}
