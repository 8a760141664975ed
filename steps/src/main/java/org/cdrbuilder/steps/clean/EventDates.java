package org.cdrbuilder.steps.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/**
 * The date an event happened, per table (a condition's start date, a measurement's date, a Fitbit minute's
 * datetime...), and every date and datetime of a row, for rules that compare events with birth, death, consent or
 * the cutoff.
 */
public final class EventDates {
    /** The column holding each table's event date (DATE or TIMESTAMP). */
    private static final Map<String, String> PRIMARY = Map.ofEntries(
            Map.entry("visit_occurrence", "visit_start_date"),
            Map.entry("condition_occurrence", "condition_start_date"),
            Map.entry("drug_exposure", "drug_exposure_start_date"),
            Map.entry("procedure_occurrence", "procedure_date"),
            Map.entry("device_exposure", "device_exposure_start_date"),
            Map.entry("measurement", "measurement_date"),
            Map.entry("observation", "observation_date"),
            Map.entry("death", "death_date"),
            Map.entry("survey_conduct", "survey_end_datetime"),
            Map.entry("note", "note_date"),
            Map.entry("activity_summary", "date"),
            Map.entry("heart_rate_minute_level", "datetime"),
            Map.entry("heart_rate_summary", "date"),
            Map.entry("steps_intraday", "datetime"),
            Map.entry("sleep_daily_summary", "sleep_date"),
            Map.entry("sleep_level", "sleep_date"),
            Map.entry("device", "device_date"));

    /** Tables whose rows are events of a person (every table with a date and a person_id). */
    public static final List<String> EVENT_TABLES = List.copyOf(new java.util.TreeSet<>(PRIMARY.keySet()));

    /** Tables whose rows belong to a person: the event tables and the person table itself. */
    public static final List<String> PERSON_TABLES;

    static {
        java.util.TreeSet<String> t = new java.util.TreeSet<>(PRIMARY.keySet());
        t.add("person");
        PERSON_TABLES = List.copyOf(t);
    }

    private EventDates() {
    }

    /** The event date of a row, or null when the table has none or the value is missing. */
    public static LocalDate of(Row row) {
        String column = PRIMARY.get(row.table().name());
        if (column == null) {
            return null;
        }
        Object v = row.get(column);
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return null;
    }

    /** Positions of every DATE and TIMESTAMP column of a table. */
    public static int[] dateColumns(TableDef table) {
        return java.util.stream.IntStream.range(0, table.columnCount())
                .filter(i -> table.column(i).type() == ColumnType.DATE || table.column(i).type() == ColumnType.TIMESTAMP)
                .toArray();
    }

    /** A DATE or TIMESTAMP value as a date (null stays null). */
    public static LocalDate asDate(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return null;
    }

    static ColumnDef primaryColumn(String table) {
        String c = PRIMARY.get(table);
        return c == null ? null : CdrSchema.get().table(table).column(c);
    }
}
