package org.cdrbuilder.steps.privacy.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;
import org.cdrbuilder.steps.privacy.PrivacyTables;

import com.google.auto.service.AutoService;

/**
 * In a tier with real dates, an event dated on the participant's birth date publishes the exact date of birth,
 * which no tier may release. Where the profile says {@code birth_date_events: suppress} (controlled), such rows are
 * removed; an observation period that starts on the birth date starts the day after instead (removed when it also
 * ends that day), so that the participant keeps the period of their other events. Tiers that shift dates publish
 * these events shifted, which is not the birth date.
 */
@AutoService(CleaningRule.class)
public final class BirthDateEventsSuppressed implements CleaningRule {
    static final String ID = "birth_date_events_suppressed";
    private static final List<String> TABLES = PrivacyTables.PERSON_ROWS.stream()
            .filter(t -> !t.equals("person") && !t.equals("person_ext")).toList();
    private static final RuleInfo INFO = RuleInfo.privacy(ID,
            "Removes rows dated on the participant's birth date in tiers that do not shift dates (profile: "
                    + "birth_date_events: suppress; controlled); an observation period starting on the birth date "
                    + "starts the day after.", TABLES, "age_89_and_over_excluded");

    private final Map<String, int[]> dateColumns = new ConcurrentHashMap<>();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return ChangedColumns.named("observation_period.observation_period_start_date");
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.suppressBirthDateEvents();
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (!ctx.tier().profile().suppressBirthDateEvents()) {
            return Verdict.KEEP;
        }
        int[] cols = dateColumns.computeIfAbsent(row.table().name(), t -> EventDates.dateColumns(row.table()));
        Object person = row.get("person_id");
        if (cols.length == 0 || person == null) {
            return Verdict.KEEP;
        }
        Participant p = ctx.registry().get((Long) person);
        LocalDate birth = p == null ? null : p.birthDate();
        if (birth == null) {
            return Verdict.KEEP;
        }
        boolean onBirthDate = false;
        for (int c : cols) {
            if (birth.equals(EventDates.asDate(row.get(c)))) {
                onBirthDate = true;
                break;
            }
        }
        if (!onBirthDate) {
            return Verdict.KEEP;
        }
        if (row.table().name().equals("observation_period")) {
            LocalDate end = (LocalDate) row.get("observation_period_end_date");
            if (end != null && end.isAfter(birth)) {
                return Verdict.change("observation period starting on the birth date starts the day after",
                        r -> r.set("observation_period_start_date", birth.plusDays(1)));
            }
        }
        return Verdict.remove("dated on the participant's birth date (a tier with real dates)");
    }
}
