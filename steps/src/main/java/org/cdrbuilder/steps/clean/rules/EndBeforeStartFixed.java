package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.google.auto.service.AutoService;

/**
 * An event cannot end before it starts. The start is what the date rules checked, so the end is the value corrected:
 * it becomes the start (a zero-length event). An end datetime is corrected only when it too is before the start, and
 * takes the start datetime (missing when the start has none: no time is invented). observation_period is derived
 * later and not cleaned here.
 */
@AutoService(CleaningRule.class)
public final class EndBeforeStartFixed implements CleaningRule {
    /** The start and end columns of a table. */
    private record Span(String startDate, String startDatetime, String endDate, String endDatetime) {
    }

    private static final Map<String, Span> SPANS = Map.of(
            "visit_occurrence", new Span("visit_start_date", "visit_start_datetime", "visit_end_date",
                    "visit_end_datetime"),
            "condition_occurrence", new Span("condition_start_date", "condition_start_datetime", "condition_end_date",
                    "condition_end_datetime"),
            "drug_exposure", new Span("drug_exposure_start_date", "drug_exposure_start_datetime",
                    "drug_exposure_end_date", "drug_exposure_end_datetime"),
            "procedure_occurrence", new Span("procedure_date", "procedure_datetime", "procedure_end_date",
                    "procedure_end_datetime"),
            "device_exposure", new Span("device_exposure_start_date", "device_exposure_start_datetime",
                    "device_exposure_end_date", "device_exposure_end_datetime"));

    private static final RuleInfo INFO = new RuleInfo("end_before_start_fixed",
            "Where an end date is before the start date (visits, conditions, drug exposures, procedures, devices), "
                    + "sets the end date to the start date, and the end datetime to the start datetime when it is "
                    + "also before the start. An end datetime before the start datetime on the same day is set to "
                    + "the start datetime.",
            List.copyOf(new TreeSet<>(SPANS.keySet())),
            List.of("data_after_cutoff", "ehr_date_floor", "event_before_birth", "event_long_after_birth",
                    "event_long_after_death"),
            Set.of(), List.of("cdr_cleaner TemporalConsistency"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The end date and end datetime of each table. */
    @Override
    public ChangedColumns changes() {
        return ChangedColumns.where((table, column) -> SPANS.containsKey(table.name())
                && (column.name().equals(SPANS.get(table.name()).endDate())
                        || column.name().equals(SPANS.get(table.name()).endDatetime())));
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Span s = SPANS.get(row.table().name());
        LocalDate start = (LocalDate) row.get(s.startDate());
        LocalDate end = (LocalDate) row.get(s.endDate());
        LocalDateTime startTime = (LocalDateTime) row.get(s.startDatetime());
        LocalDateTime endTime = (LocalDateTime) row.get(s.endDatetime());
        boolean dateBefore = start != null && end != null && end.isBefore(start);
        boolean timeBefore = endTime != null && (startTime != null ? endTime.isBefore(startTime)
                : start != null && endTime.toLocalDate().isBefore(start));
        if (!dateBefore && !timeBefore) {
            return Verdict.KEEP;
        }
        String reason = dateBefore ? "end date before start date: end set to the start"
                : "end datetime before start datetime: end datetime set to the start";
        return Verdict.change(reason, r -> {
            if (dateBefore) {
                r.set(s.endDate(), start);
            }
            if (timeBefore) {
                r.set(s.endDatetime(), startTime);
            }
        });
    }
}
