package org.cdrbuilder.steps.ingest.survey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/** A small PPI vocabulary for tests: the given codes as standard concepts of vocabulary PPI. */
final class PpiConcepts {
    private PpiConcepts() {
    }

    static Vocabulary of(Map<String, Integer> idsByCode) {
        TableDef concept = CdrSchema.get().table("concept");
        Vocabulary.Builder builder = Vocabulary.builder(Set.of("PPI"));
        idsByCode.forEach((code, id) -> builder.concept(new Row(concept)
                .set("concept_id", id)
                .set("concept_name", code)
                .set("domain_id", "Observation")
                .set("vocabulary_id", "PPI")
                .set("concept_class_id", "Question")
                .set("standard_concept", "S")
                .set("concept_code", code)
                .set("valid_start_date", LocalDate.of(2017, 1, 1))
                .set("valid_end_date", LocalDate.of(2099, 12, 31))));
        // a concept of another vocabulary with a PPI-looking code must not resolve
        builder.concept(new Row(concept)
                .set("concept_id", 999)
                .set("concept_name", "not PPI")
                .set("domain_id", "Observation")
                .set("vocabulary_id", "LOINC")
                .set("concept_class_id", "Clinical Observation")
                .set("standard_concept", "S")
                .set("concept_code", "LOINC_ONLY")
                .set("valid_start_date", LocalDate.of(2017, 1, 1))
                .set("valid_end_date", LocalDate.of(2099, 12, 31)));
        return builder.build();
    }
}
