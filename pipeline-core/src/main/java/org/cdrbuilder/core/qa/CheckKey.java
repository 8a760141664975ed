package org.cdrbuilder.core.qa;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One resolved check: a check type applied to a table, and for field and concept checks to a field, a concept and
 * possibly a unit. Thresholds are looked up and results are reported by key.
 *
 * @param field null for table-level checks
 * @param conceptId null unless the check is concept-level
 * @param unitConceptId null unless the concept-level check is per unit
 */
public record CheckKey(String checkName, CheckLevel level, String table, String field, Integer conceptId,
                       Integer unitConceptId) {
    public CheckKey {
        requireNonNull(checkName, "checkName is null");
        requireNonNull(level, "level is null");
        requireNonNull(table, "table is null");
        if (level != CheckLevel.TABLE && field == null) {
            throw new IllegalArgumentException(checkName + " on " + table + ": a " + level + " check needs a field");
        }
        if (level == CheckLevel.CONCEPT && conceptId == null) {
            throw new IllegalArgumentException(checkName + " on " + table + "." + field + ": a concept check needs a concept");
        }
    }

    public static CheckKey table(String checkName, String table) {
        return new CheckKey(checkName, CheckLevel.TABLE, table, null, null, null);
    }

    public static CheckKey field(String checkName, String table, String field) {
        return new CheckKey(checkName, CheckLevel.FIELD, table, field, null, null);
    }

    public static CheckKey concept(String checkName, String table, String field, int conceptId, Integer unitConceptId) {
        return new CheckKey(checkName, CheckLevel.CONCEPT, table, field, conceptId, unitConceptId);
    }

    /** A stable identifier in the Data Quality Dashboard's style: {@code field_isrequired_person_person_id}. */
    public String id() {
        StringBuilder sb = new StringBuilder(level.name().toLowerCase(Locale.ROOT)).append('_')
                .append(checkName.toLowerCase(Locale.ROOT)).append('_').append(table);
        if (field != null) {
            sb.append('_').append(field);
        }
        if (conceptId != null) {
            sb.append('_').append(conceptId);
        }
        if (unitConceptId != null) {
            sb.append('_').append(unitConceptId);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(checkName).append(' ').append(table);
        if (field != null) {
            sb.append('.').append(field);
        }
        if (conceptId != null) {
            sb.append(" concept ").append(conceptId);
        }
        if (unitConceptId != null) {
            sb.append(" unit ").append(unitConceptId);
        }
        return sb.toString();
    }
}
