package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.EventDates;

import com.carrotsearch.hppc.LongIntHashMap;
import com.google.auto.service.AutoService;

/**
 * Records can trail a death by a few days (final claims, lab results); much later than that, either the death or the
 * row is wrong, and the row goes. The death counted is the person's earliest plausible one (implausible deaths are
 * ignored, as {@code death_date_implausible} removes them). Memory: one int per person who died.
 */
@AutoService(CleaningRule.class)
public final class EventLongAfterDeath implements CleaningRule {
    private static final List<String> TABLES = EventDates.EVENT_TABLES.stream().filter(t -> !t.equals("death")).toList();
    private static final RuleInfo INFO = new RuleInfo("event_long_after_death",
            "Removes rows dated more than 30 days after the participant's death (the earliest death dated between "
                    + "the program start and the release cutoff); rows on the 30th day stay. The death table itself "
                    + "is not affected.",
            TABLES, List.of("data_after_deactivation"), Set.of(),
            List.of("cdr_cleaner NoDataAfterDeath (DC-816, DC-404)"));

    /** Epoch day of each dead person's earliest plausible death; replaced whole by {@link #prepare}. */
    private volatile LongIntHashMap deathDay = new LongIntHashMap();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        LongIntHashMap days = new LongIntHashMap();
        ctx.forEachRow("death", Set.of("person_id", "death_date"), row -> {
            Long person = (Long) row.get("person_id");
            LocalDate d = (LocalDate) row.get("death_date");
            if (person != null && d != null && DeathDateImplausible.plausible(d, ctx)) {
                int day = (int) d.toEpochDay();
                if (!days.containsKey(person) || day < days.get(person)) {
                    days.put(person, day);
                }
            }
        });
        deathDay = days;
    }

    @Override
    public Scope scope() {
        return Scope.PERSON_DAY; // decided from the person and the event day alone
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Long person = (Long) row.get("person_id");
        LongIntHashMap days = deathDay;
        LocalDate d = EventDates.of(row);
        if (person == null || d == null || !days.containsKey(person)) {
            return Verdict.KEEP;
        }
        LocalDate last = LocalDate.ofEpochDay(days.get(person)).plusDays(ctx.parameters().daysAfterDeath);
        return d.isAfter(last) ? Verdict.remove("dated more than the allowed number of days after the participant's death")
                : Verdict.KEEP;
    }
}
