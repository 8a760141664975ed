package org.cdrbuilder.steps.snapshot;

import org.cdrbuilder.core.row.Row;

/**
 * Which answer a survey observation row gives. A coded answer is its concept; numeric, free-text and unmapped answers
 * are counted as one group each (negative keys), so that no value typed by a participant reaches the snapshot.
 */
enum AnswerKey {
    NUMERIC(-1, "Numeric answer"),
    TEXT(-2, "Text answer"),
    UNMAPPED(-3, "Answer not in the vocabulary");

    private final int key;
    private final String label;

    AnswerKey(int key, String label) {
        this.key = key;
        this.label = label;
    }

    int key() {
        return key;
    }

    String label() {
        return label;
    }

    /** The group of a negative key, or null for a concept id. */
    static AnswerKey ofKey(int key) {
        for (AnswerKey k : values()) {
            if (k.key == key) {
                return k;
            }
        }
        return null;
    }

    /** The answer of an observation row (columns of {@link Columns}). */
    static int of(Row row, Columns c) {
        int source = row.getIntOrZero(c.valueSourceConcept);
        if (source != 0) {
            return source;
        }
        int concept = row.getIntOrZero(c.valueAsConcept);
        if (concept != 0) {
            return concept;
        }
        if (!row.isNull(c.valueAsNumber)) {
            return NUMERIC.key;
        }
        return row.isNull(c.valueAsString) ? UNMAPPED.key : TEXT.key;
    }

    /** Positions of the answer columns in the observation table. */
    record Columns(int valueSourceConcept, int valueAsConcept, int valueAsNumber, int valueAsString) {
        static Columns of(org.cdrbuilder.schema.TableDef observation) {
            return new Columns(observation.indexOf("value_source_concept_id"), observation.indexOf("value_as_concept_id"),
                    observation.indexOf("value_as_number"), observation.indexOf("value_as_string"));
        }
    }
}
