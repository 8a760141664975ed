package org.cdrbuilder.steps.snapshot;

/** The data types of a participant, in the order the snapshot lists them. */
enum DataType {
    SURVEYS("surveys", "Surveys"),
    EHR("ehr", "Electronic health records"),
    PHYSICAL_MEASUREMENTS("physical_measurements", "Physical measurements"),
    FITBIT("fitbit", "Fitbit"),
    BIOSPECIMENS("biospecimens", "Biospecimens");

    private final String key;
    private final String label;

    DataType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }
}
