package org.cdrbuilder.steps.clean.rules;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RuleParameters;

/**
 * The physical measurements with a plausible range (height, weight, BMI), recognized on physical-measurement rows
 * (type 44818701) by program code or PPI source concept.
 */
enum BodyMeasurement {
    HEIGHT("height", 903133),
    WEIGHT("weight", 903121),
    BMI("bmi", 903124);

    static final int PHYSICAL_MEASUREMENT_TYPE = 44818701;

    private final String code;
    private final int sourceConcept;

    BodyMeasurement(String code, int sourceConcept) {
        this.code = code;
        this.sourceConcept = sourceConcept;
    }

    String code() {
        return code;
    }

    int sourceConcept() {
        return sourceConcept;
    }

    /** What a measurement row measures, or null when it is not a physical measurement of these kinds. */
    static BodyMeasurement of(Row measurement) {
        Integer type = (Integer) measurement.get("measurement_type_concept_id");
        if (type == null || type != PHYSICAL_MEASUREMENT_TYPE) {
            return null;
        }
        String code = (String) measurement.get("measurement_source_value");
        Integer concept = (Integer) measurement.get("measurement_source_concept_id");
        for (BodyMeasurement m : values()) {
            if (m.code.equals(code) || (concept != null && concept == m.sourceConcept)) {
                return m;
            }
        }
        return null;
    }

    RuleParameters.Range range(RuleParameters params) {
        return switch (this) {
            case HEIGHT -> params.heightCm;
            case WEIGHT -> params.weightKg;
            case BMI -> params.bmi;
        };
    }

    /** Whether a row of this kind survives {@code pm_out_of_range}: no value, or a value within the range. */
    boolean plausible(Row measurement, RuleParameters params) {
        Double v = (Double) measurement.get("value_as_number");
        return v == null || range(params).contains(v);
    }
}
