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
    /** Per table, the position of its event date column (the {@code date} role of the schema changelog). */
    private static final Map<String, Integer> PRIMARY;

    /** Tables whose rows are events of a person (person tables that declare an event date), by name. */
    public static final List<String> EVENT_TABLES;

    /** Tables whose rows belong to a person: the event tables and the person table itself. */
    public static final List<String> PERSON_TABLES;

    static {
        Map<String, Integer> primary = new java.util.HashMap<>();
        java.util.TreeSet<String> events = new java.util.TreeSet<>();
        for (TableDef t : CdrSchema.get().eventTables()) {
            primary.put(t.name(), t.indexOf(CdrSchema.get().roles(t.name()).eventDate()));
            events.add(t.name());
        }
        PRIMARY = Map.copyOf(primary);
        EVENT_TABLES = List.copyOf(events);
        events.add("person");
        PERSON_TABLES = List.copyOf(events);
    }

    private EventDates() {
    }

    /** The event date of a row, or null when the table has none or the value is missing. */
    public static LocalDate of(Row row) {
        Integer column = PRIMARY.get(row.table().name());
        if (column == null) {
            return null;
        }
        Object v = row.get(column.intValue());
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
        Integer c = PRIMARY.get(table);
        return c == null ? null : CdrSchema.get().table(table).column(c);
    }
}
