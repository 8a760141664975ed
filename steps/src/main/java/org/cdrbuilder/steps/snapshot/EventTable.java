package org.cdrbuilder.steps.snapshot;

/**
 * The clinical tables counted per concept: their Data Browser domain and Achilles analyses (persons by concept =
 * {@code analysis}, records by concept = {@code analysis + 1}, distinct concepts per person = {@code analysis + 3}).
 */
enum EventTable {
    CONDITION("condition_occurrence", "condition_concept_id", "Condition", 400),
    DRUG("drug_exposure", "drug_concept_id", "Drug", 700),
    MEASUREMENT("measurement", "measurement_concept_id", "Measurement", 1800),
    PROCEDURE("procedure_occurrence", "procedure_concept_id", "Procedure", 600),
    OBSERVATION("observation", "observation_concept_id", "Observation", 800),
    DEVICE("device_exposure", "device_concept_id", "Device", 2100),
    VISIT("visit_occurrence", "visit_concept_id", "Visit", 200);

    private final String table;
    private final String conceptColumn;
    private final String domain;
    private final int analysis;

    EventTable(String table, String conceptColumn, String domain, int analysis) {
        this.table = table;
        this.conceptColumn = conceptColumn;
        this.domain = domain;
        this.analysis = analysis;
    }

    String table() {
        return table;
    }

    String conceptColumn() {
        return conceptColumn;
    }

    String domain() {
        return domain;
    }

    int personsAnalysis() {
        return analysis;
    }

    int recordsAnalysis() {
        return analysis + 1;
    }

    int conceptsPerPersonAnalysis() {
        return analysis + 3;
    }

    /** The event table stored in {@code table}, or null. */
    static EventTable ofTable(String table) {
        for (EventTable t : values()) {
            if (t.table.equals(table)) {
                return t;
            }
        }
        return null;
    }
}
