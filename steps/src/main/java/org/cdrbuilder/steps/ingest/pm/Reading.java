package org.cdrbuilder.steps.ingest.pm;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One measurement read from an Observation (or one of its components), before it becomes a row.
 *
 * @param pointer JSON pointer of the Observation or component within the Bundle
 * @param kind the known kind, or null for other codes
 * @param replicate "1", "2", "3", "mean" or null
 * @param loinc the LOINC code (as written, else the kind's), or null
 * @param sourceCode measurement_source_value: the program code, or the LOINC code when there is none
 * @param sourceVocabulary the vocabulary of {@code sourceCode} ("PPI" or "LOINC")
 * @param quantity the numeric value, or null for a coded answer
 * @param answer the coded answer, or null for a numeric value
 */
record Reading(String pointer, MeasurementKind kind, String replicate, String loinc, String sourceCode,
               String sourceVocabulary, LocalDateTime time, Quantity quantity, Answer answer) {

    /**
     * A numeric value in the unit it is written with (after imperial-to-metric conversion).
     *
     * @param asWritten the value and unit as the payload wrote them, e.g. {@code 70 [in_i]}
     */
    record Quantity(BigDecimal value, String unit, String asWritten) {
    }

    /** A coded answer (valueCodeableConcept) and the vocabulary its code is looked up in. */
    record Answer(String code, String vocabulary) {
    }

    boolean isMean() {
        return ProgramCode.MEAN.equals(replicate);
    }

    /** The replicate number, or 0 when the reading is not a numbered replicate. */
    int replicateNumber() {
        return ProgramCode.isReplicateNumber(replicate) ? Integer.parseInt(replicate) : 0;
    }
}
