package org.cdrbuilder.steps.clean;

import java.util.Objects;

import org.cdrbuilder.core.row.Row;

/**
 * Rows the program produced itself rather than received from a site: survey answers (observations typed 45905771)
 * and physical measurements (measurements typed 44818701). Their concepts are the program's PPI concepts and the
 * rows stay in the table harmonization put them in, whatever the vocabulary says about those concepts.
 */
public final class ProgramRows {
    public static final int SURVEY_OBSERVATION_TYPE = 45905771;
    public static final int PHYSICAL_MEASUREMENT_TYPE = 44818701;

    private ProgramRows() {
    }

    public static boolean isSurveyAnswer(Row row) {
        return row.table().name().equals("observation")
                && Objects.equals(row.get("observation_type_concept_id"), SURVEY_OBSERVATION_TYPE);
    }

    public static boolean isPhysicalMeasurement(Row row) {
        return row.table().name().equals("measurement")
                && Objects.equals(row.get("measurement_type_concept_id"), PHYSICAL_MEASUREMENT_TYPE);
    }

    /** A survey answer or a physical measurement. */
    public static boolean isProgramRow(Row row) {
        return isSurveyAnswer(row) || isPhysicalMeasurement(row);
    }
}
