package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.VisitFacts;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Events tied to a visit happen during it, give or take {@code visit_window_days} (7, as in the Data Quality
 * Dashboard): the table's first event date is compared with the visit's start and end. Rows without a visit, or
 * whose visit is not published, are not counted (isForeignKey reports the latter).
 */
@AutoService(QaCheck.class)
public final class WithinVisitDates implements QaCheck {
    static final CheckType TYPE = new CheckType("withinVisitDates", CheckLevel.FIELD, CheckCategory.PLAUSIBILITY,
            "Temporal", "Verification", "The number and percent of records not within @visitWindowDays days on either "
            + "side of the corresponding visit occurrence start and end date");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        List<Probe> out = new ArrayList<>();
        List<ColumnDef> dates = Columns.eventDates(table);
        if (ctx.scanned("visit_occurrence") && !dates.isEmpty()) {
            Columns.visitReference(table).ifPresent(v -> out.add(new WithinVisit(table, dates.get(0), v, ctx)));
        }
        return out;
    }

    private static final class WithinVisit extends ProbeBase {
        private final int date;
        private final int visit;
        private final int window;
        private VisitFacts visits;
        private long lastVisit = Long.MIN_VALUE;
        private int lastIndex = -1;

        WithinVisit(TableDef table, ColumnDef date, ColumnDef visit, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), date.name()), table, ctx, date.name(), visit.name());
            this.date = table.indexOf(date.name());
            this.visit = table.indexOf(visit.name());
            this.window = ctx.settings().visitWindowDays;
        }

        @Override
        public Set<String> requires() {
            return Set.of("visit_occurrence");
        }

        @Override
        public void start(QaContext ctx) {
            visits = ctx.visits();
        }

        @Override
        public void accept(Row row) {
            if (!(row.get(visit) instanceof Long id)) {
                return;
            }
            long day = Columns.day(row.get(date));
            if (id != lastVisit) {
                lastVisit = id;
                lastIndex = visits.indexOf(id);
            }
            if (lastIndex < 0 || day == Columns.NO_DAY) {
                return;
            }
            counts.row();
            int start = visits.startDay(lastIndex);
            int end = visits.endDay(lastIndex);
            if (day < (long) start - window || day > (long) end + window) {
                violation(row, "visit_start_date", LocalDate.ofEpochDay(start), "visit_end_date", LocalDate.ofEpochDay(end));
            }
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("visitWindowDays", Integer.toString(window));
        }
    }
}
