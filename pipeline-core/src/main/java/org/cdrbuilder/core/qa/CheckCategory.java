package org.cdrbuilder.core.qa;

/** The Kahn category of a check, named as the Data Quality Dashboard names it in its results. */
public enum CheckCategory {
    /** Values follow the model's structure, types, keys and vocabulary rules. */
    CONFORMANCE("Conformance"),
    /** Values that should be there are there. */
    COMPLETENESS("Completeness"),
    /** Values are believable (ranges, event order, demographics). */
    PLAUSIBILITY("Plausibility");

    private final String label;

    CheckCategory(String label) {
        this.label = label;
    }

    /** The name used in reports ({@code Conformance}, ...). */
    public String label() {
        return label;
    }
}
