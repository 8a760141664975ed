package org.cdrbuilder.steps.clean;

import java.util.Map;
import java.util.Optional;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * The OMOP event tables by domain, and how a row becomes a row of another event table when its concept belongs
 * there (domain alignment): the same person, dates, type, visit, source values; values and units where both
 * tables have them; NOT NULL end dates of the target filled with the start date.
 */
public final class DomainTables {
    /** The table of each domain whose rows can move. */
    public static final Map<String, String> TABLE_OF_DOMAIN = Map.of(
            "Condition", "condition_occurrence",
            "Drug", "drug_exposure",
            "Procedure", "procedure_occurrence",
            "Measurement", "measurement",
            "Observation", "observation",
            "Device", "device_exposure");

    /** Column of each role, per table. */
    private static final Map<String, Map<String, String>> ROLES = Map.of(
            "condition_occurrence", Map.of("id", "condition_occurrence_id", "concept", "condition_concept_id",
                    "date", "condition_start_date", "datetime", "condition_start_datetime", "end_date",
                    "condition_end_date", "end_datetime", "condition_end_datetime", "type", "condition_type_concept_id",
                    "source_value", "condition_source_value", "source_concept", "condition_source_concept_id"),
            "drug_exposure", Map.of("id", "drug_exposure_id", "concept", "drug_concept_id", "date",
                    "drug_exposure_start_date", "datetime", "drug_exposure_start_datetime", "end_date",
                    "drug_exposure_end_date", "end_datetime", "drug_exposure_end_datetime", "type", "drug_type_concept_id",
                    "source_value", "drug_source_value", "source_concept", "drug_source_concept_id", "quantity", "quantity"),
            "procedure_occurrence", Map.of("id", "procedure_occurrence_id", "concept", "procedure_concept_id", "date",
                    "procedure_date", "datetime", "procedure_datetime", "end_date", "procedure_end_date", "end_datetime",
                    "procedure_end_datetime", "type", "procedure_type_concept_id", "source_value",
                    "procedure_source_value", "source_concept", "procedure_source_concept_id"),
            "measurement", Map.of("id", "measurement_id", "concept", "measurement_concept_id", "date",
                    "measurement_date", "datetime", "measurement_datetime", "type", "measurement_type_concept_id",
                    "source_value", "measurement_source_value", "source_concept", "measurement_source_concept_id",
                    "value_as_number", "value_as_number", "value_as_concept", "value_as_concept_id", "unit",
                    "unit_concept_id"),
            "observation", Map.of("id", "observation_id", "concept", "observation_concept_id", "date",
                    "observation_date", "datetime", "observation_datetime", "type", "observation_type_concept_id",
                    "source_value", "observation_source_value", "source_concept", "observation_source_concept_id",
                    "value_as_number", "value_as_number", "value_as_concept", "value_as_concept_id", "unit",
                    "unit_concept_id"),
            "device_exposure", Map.of("id", "device_exposure_id", "concept", "device_concept_id", "date",
                    "device_exposure_start_date", "datetime", "device_exposure_start_datetime", "end_date",
                    "device_exposure_end_date", "end_datetime", "device_exposure_end_datetime", "type",
                    "device_type_concept_id", "source_value", "device_source_value", "source_concept",
                    "device_source_concept_id", "unit", "unit_concept_id"));

    private static final String[] SHARED = {"person_id", "provider_id", "visit_occurrence_id", "visit_detail_id"};

    private DomainTables() {
    }

    /** Whether rows of this table can move between domains. */
    public static boolean isEventTable(String table) {
        return ROLES.containsKey(table);
    }

    /** The column of a role in a table, if the table has that role. */
    public static Optional<String> column(String table, String role) {
        return Optional.ofNullable(ROLES.getOrDefault(table, Map.of()).get(role));
    }

    /** The row as a row of {@code toTable}. */
    public static Row move(Row row, String toTable) {
        String from = row.table().name();
        TableDef target = CdrSchema.get().table(toTable);
        Row out = new Row(target);
        for (String c : SHARED) {
            if (target.hasColumn(c) && row.table().hasColumn(c)) {
                out.set(c, row.get(c));
            }
        }
        Map<String, String> src = ROLES.get(from);
        Map<String, String> dst = ROLES.get(toTable);
        src.forEach((role, column) -> {
            String targetColumn = dst.get(role);
            if (targetColumn != null) {
                out.set(targetColumn, row.get(column));
            }
        });
        String endDate = dst.get("end_date");
        if (endDate != null && out.get(endDate) == null && !target.column(endDate).nullable()) {
            out.set(endDate, out.get(dst.get("date")));
        }
        return out;
    }
}
