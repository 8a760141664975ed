package org.cdrbuilder.steps.privacy.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.steps.clean.EventDates;
import org.cdrbuilder.steps.privacy.PrivacyTables;

import com.google.auto.service.AutoService;

/**
 * Every date and datetime of a participant, Fitbit included, moves back by the participant's shift (1..364 days,
 * from the mapping store, the same in every release) where the profile says so (shift_dates: registered).
 */
@AutoService(CleaningRule.class)
public final class DatesShifted implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("dates_shifted",
            "Shifts every date and datetime of a participant back by the participant's own 1..364 days (registered).",
            PrivacyTables.PERSON_ROWS, "free_text_suppressed", BirthDateEventsSuppressed.ID);

    private final Map<String, int[]> dateColumns = new ConcurrentHashMap<>();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.where((table, column) -> column.type() == ColumnType.DATE
                || column.type() == ColumnType.TIMESTAMP);
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.shiftDates;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!ctx.tier().profile().shiftDates) {
            return Verdict.KEEP;
        }
        int[] cols = dateColumns.computeIfAbsent(row.table().name(), t -> EventDates.dateColumns(row.table()));
        if (cols.length == 0) {
            return Verdict.KEEP;
        }
        int shift = ctx.tier().keys().shiftDays((Long) row.get("person_id"));
        if (shift == 0) {
            throw new IllegalStateException("participant without a date shift in the mapping store");
        }
        return Verdict.change("dates shifted", r -> {
            for (int c : cols) {
                Object v = r.get(c);
                if (v instanceof LocalDate d) {
                    r.set(c, d.minusDays(shift));
                } else if (v instanceof LocalDateTime t) {
                    r.set(c, t.minusDays(shift));
                }
            }
        });
    }
}
