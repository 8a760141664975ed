package org.cdrbuilder.steps.harmonize;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.TableDef;

/**
 * Validates the concept ids of a row against the vocabulary and fills in a missing standard concept from the
 * source: the source concept id when the site gave one, else the source value looked up as a code in the table's
 * source vocabularies (ICD10CM codes with or without their dot), then {@code Maps to} the standard concept.
 * Concept ids the vocabulary does not know become 0. Each change is reported under a stable reason.
 */
public final class ConceptStandardizer {
    public static final String UNKNOWN_CONCEPT = "unknown_concept_id_set_to_0";
    public static final String UNKNOWN_SOURCE_CONCEPT = "unknown_source_concept_id_set_to_0";
    public static final String MAPPED_FROM_SOURCE_CONCEPT = "concept_mapped_from_source_concept";
    public static final String MAPPED_FROM_SOURCE_VALUE = "concept_mapped_from_source_code";

    /** Receives the reason of each change made to a row. */
    @FunctionalInterface
    public interface ChangeSink {
        void changed(String reason);
    }

    private final Vocabulary vocabulary;
    private final List<ConceptFields> fields;
    private final List<String> sourceVocabularies;
    private final int[] otherConceptColumns;

    /** Whether the table has no concept fields (standardizing changes nothing). */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public ConceptStandardizer(Vocabulary vocabulary, TableDef table, Map<String, List<String>> sourceVocabularies) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.fields = ConceptFields.of(table);
        this.sourceVocabularies = sourceVocabularies.getOrDefault(table.name(), List.of());
        java.util.Set<Integer> inTriples = new java.util.HashSet<>();
        for (ConceptFields f : fields) {
            inTriples.add(f.concept());
            inTriples.add(f.sourceConcept());
        }
        this.otherConceptColumns = java.util.stream.IntStream.range(0, table.columnCount())
                .filter(i -> table.column(i).isConceptId() && !inTriples.contains(i)).toArray();
    }

    public void standardize(Row row, ChangeSink changes) {
        for (ConceptFields f : fields) {
            int concept = row.getIntOrZero(f.concept());
            Integer source = row.getInt(f.sourceConcept());
            if (source != null && source != 0 && !vocabulary.exists(source)) {
                row.set(f.sourceConcept(), 0);
                source = 0;
                changes.changed(UNKNOWN_SOURCE_CONCEPT);
            }
            if (concept != 0 && !vocabulary.exists(concept)) {
                concept = 0;
                row.set(f.concept(), 0);
                changes.changed(UNKNOWN_CONCEPT);
            }
            if (concept != 0) {
                continue;
            }
            if (source != null && source != 0) {
                int std = vocabulary.standardFor(source);
                if (std != 0) {
                    row.set(f.concept(), std);
                    changes.changed(MAPPED_FROM_SOURCE_CONCEPT);
                    continue;
                }
            } else if (f.primary() && f.sourceValue() >= 0 && row.get(f.sourceValue()) != null) {
                OptionalInt code = lookup(row.getString(f.sourceValue()));
                if (code.isPresent()) {
                    row.set(f.sourceConcept(), code.getAsInt());
                    int std = vocabulary.standardFor(code.getAsInt());
                    row.set(f.concept(), std);
                    changes.changed(MAPPED_FROM_SOURCE_VALUE);
                    continue;
                }
            }
            if (row.get(f.concept()) == null && !row.table().column(f.concept()).nullable()) {
                row.set(f.concept(), 0);
            }
        }
        for (int c : otherConceptColumns) {
            Integer v = row.getInt(c);
            if (v != null && v != 0 && !vocabulary.exists(v)) {
                row.set(c, 0);
                changes.changed(UNKNOWN_CONCEPT);
            }
        }
    }

    private OptionalInt lookup(String sourceValue) {
        String code = sourceValue.trim();
        for (String vocab : sourceVocabularies) {
            OptionalInt id = vocabulary.conceptByCode(vocab, code);
            if (id.isPresent()) {
                return id;
            }
            if ((vocab.equals("ICD10CM") || vocab.equals("ICD9CM") || vocab.equals("ICD10")) && code.indexOf('.') < 0
                    && code.length() > 3) {
                id = vocabulary.conceptByCode(vocab, code.substring(0, 3) + "." + code.substring(3));
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return OptionalInt.empty();
    }
}
