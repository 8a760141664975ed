package org.cdrbuilder.steps.derive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;

/**
 * One observation period per person, from the earliest to the latest date of any of the person's events.
 * Works over the person index (two ints per participant), so memory grows with participants, not events.
 */
public final class ObservationPeriodBuilder {
    /** OMOP type concept "Period covering healthcare encounters". */
    public static final int PERIOD_TYPE = 44814724;

    /** Tables whose dates define a person's observed time. */
    public static final List<String> EVENT_TABLES = List.of("visit_occurrence", "condition_occurrence",
            "drug_exposure", "procedure_occurrence", "device_exposure", "measurement", "observation", "death",
            "survey_conduct");

    private final long[] persons;
    private final int[] min;
    private final int[] max;

    /** @param personIds ids of the published persons (any order) */
    public ObservationPeriodBuilder(long[] personIds) {
        this.persons = personIds.clone();
        Arrays.sort(this.persons);
        this.min = new int[persons.length];
        this.max = new int[persons.length];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
    }

    /** The DATE columns of a table that count as event dates. */
    public static Set<String> dateColumns(TableDef t) {
        Set<String> out = new HashSet<>();
        for (ColumnDef c : t.columns()) {
            if (c.type() == ColumnType.DATE && !c.name().equals("verbatim_end_date")) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Adds the events of one file of {@code table}. */
    public void add(TableDef table, Path file) {
        Set<String> cols = dateColumns(table);
        Set<String> projection = new HashSet<>(cols);
        projection.add("person_id");
        int personCol = table.indexOf("person_id");
        int[] dateCols = cols.stream().mapToInt(table::indexOf).toArray();
        try (RowParquetReader r = RowParquetReader.open(file, table, projection)) {
            while (r.hasNext()) {
                Row row = r.next();
                int i = Arrays.binarySearch(persons, row.getLong(personCol));
                if (i < 0) {
                    continue;
                }
                for (int c : dateCols) {
                    LocalDate d = row.getDate(c);
                    if (d != null) {
                        int day = (int) d.toEpochDay();
                        if (day < min[i]) {
                            min[i] = day;
                        }
                        if (day > max[i]) {
                            max[i] = day;
                        }
                    }
                }
            }
        }
    }

    /** The periods, in person order; persons without events get none. */
    public List<Row> periods() {
        TableDef t = CdrSchema.get().table("observation_period");
        List<Row> out = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < persons.length; i++) {
            if (min[i] == Integer.MAX_VALUE) {
                continue;
            }
            out.add(new Row(t)
                    .set("observation_period_id", id++)
                    .set("person_id", persons[i])
                    .set("observation_period_start_date", LocalDate.ofEpochDay(min[i]))
                    .set("observation_period_end_date", LocalDate.ofEpochDay(max[i]))
                    .set("period_type_concept_id", PERIOD_TYPE));
        }
        return out;
    }
}
