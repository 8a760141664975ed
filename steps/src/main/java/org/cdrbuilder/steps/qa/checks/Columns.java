package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/** Which columns a check applies to, derived from the schema changelog's types, keys and names. */
final class Columns {
    /** Returned by {@link #day} for a missing value. */
    static final long NO_DAY = Long.MIN_VALUE;

    private Columns() {
    }

    /** The column referencing {@code person.person_id}, unless the table is person itself. */
    static Optional<ColumnDef> personReference(TableDef t) {
        return references(t, "person").filter(c -> !t.name().equals("person"));
    }

    /** The column referencing {@code visit_occurrence}, unless the table is visit_occurrence itself. */
    static Optional<ColumnDef> visitReference(TableDef t) {
        return references(t, "visit_occurrence").filter(c -> !t.name().equals("visit_occurrence"));
    }

    private static Optional<ColumnDef> references(TableDef t, String table) {
        return t.columns().stream().filter(c -> c.references().map(fk -> fk.table().equals(table)).orElse(false))
                .findFirst();
    }

    /** True for a column declared as a foreign key to {@code concept}. */
    static boolean isConceptReference(ColumnDef c) {
        return c.references().map(fk -> fk.table().equals("concept")).orElse(false);
    }

    /** True for a {@code *_source_concept_id} column. */
    static boolean isSourceConcept(ColumnDef c) {
        return c.isConceptId() && c.name().endsWith("source_concept_id");
    }

    /** The event dates of a table: its DATE columns, or its TIMESTAMP columns when it has no DATE column. */
    static List<ColumnDef> eventDates(TableDef t) {
        List<ColumnDef> dates = ofType(t, ColumnType.DATE);
        return dates.isEmpty() ? ofType(t, ColumnType.TIMESTAMP) : dates;
    }

    private static List<ColumnDef> ofType(TableDef t, ColumnType type) {
        return t.columns().stream().filter(c -> c.type() == type).toList();
    }

    /**
     * Start and end columns by their names: an end column ({@code *_end_date}, {@code *_end_datetime}) pairs with the
     * same name with {@code start} for {@code end}, or without {@code _end} ({@code procedure_end_date} with
     * {@code procedure_date}).
     */
    static List<ColumnDef[]> startEndPairs(TableDef t) {
        List<ColumnDef[]> out = new ArrayList<>();
        for (ColumnDef end : t.columns()) {
            if ((end.type() != ColumnType.DATE && end.type() != ColumnType.TIMESTAMP) || !end.name().contains("_end_")
                    && !end.name().endsWith("_end")) {
                continue;
            }
            for (String start : List.of(end.name().replace("_end_", "_start_"), end.name().replace("_end_", "_"))) {
                if (!start.equals(end.name()) && t.hasColumn(start) && t.column(start).type() == end.type()) {
                    out.add(new ColumnDef[] {t.column(start), end});
                    break;
                }
            }
        }
        return out;
    }

    /** A DATE or TIMESTAMP value as an epoch day, or {@link #NO_DAY}. */
    static long day(Object v) {
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toEpochDay();
        }
        return NO_DAY;
    }

    /** Whether values of the column are compared as dates. */
    static boolean isTemporal(ColumnDef c) {
        return c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP;
    }
}
