package org.cdrbuilder.steps.harmonize;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * Fills the NOT NULL end dates that sites often leave empty, following the OMOP ETL conventions: a drug's end date
 * is its start date plus days supply minus one (or the start date when there is no supply); a visit ends the day
 * it starts.
 */
public final class MissingEndDates {
    public static final String DRUG_END_DERIVED = "drug_end_date_derived_from_days_supply";
    public static final String VISIT_END_DERIVED = "visit_end_date_set_to_start_date";

    private final int end;
    private final int start;
    private final int daysSupply;
    private final String reason;

    private MissingEndDates(int end, int start, int daysSupply, String reason) {
        this.end = end;
        this.start = start;
        this.daysSupply = daysSupply;
        this.reason = reason;
    }

    /** The filler for a table, or null when the table has no derivable end date. */
    public static MissingEndDates forTable(TableDef t) {
        return switch (t.name()) {
            case "drug_exposure" -> new MissingEndDates(t.indexOf("drug_exposure_end_date"),
                    t.indexOf("drug_exposure_start_date"), t.indexOf("days_supply"), DRUG_END_DERIVED);
            case "visit_occurrence" -> new MissingEndDates(t.indexOf("visit_end_date"), t.indexOf("visit_start_date"), -1,
                    VISIT_END_DERIVED);
            default -> null;
        };
    }

    public void fill(Row row, Consumer<String> changes) {
        if (row.get(end) != null) {
            return;
        }
        LocalDate s = row.getDate(start);
        Integer supply = daysSupply < 0 ? null : row.getInt(daysSupply);
        row.set(end, supply != null && supply > 0 ? s.plusDays(supply - 1L) : s);
        changes.accept(reason);
    }
}
