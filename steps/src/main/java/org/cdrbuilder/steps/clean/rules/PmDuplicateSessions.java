package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.carrotsearch.hppc.LongHashSet;
import com.google.auto.service.AutoService;

/**
 * A participant measured in several physical-measurement sessions is represented by the latest session only: older
 * session visits leave with their measurements. Latest is the latest visit start, then the highest id; a session
 * that is never released (after the deactivation or the cutoff) does not replace an earlier one.
 */
@AutoService(CleaningRule.class)
public final class PmDuplicateSessions implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("pm_duplicate_sessions",
            "Keeps only the latest physical-measurement session of each participant; removes older session visits "
                    + "(visit_occurrence) and their measurements.",
            List.of("visit_occurrence", "measurement"), "data_after_deactivation");
    static final int SESSION_VISIT_TYPE = 44818519;

    private volatile LongHashSet superseded = new LongHashSet();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        LatestWins<Long> latest = new LatestWins<>();
        ctx.forEachRow("visit_occurrence", Set.of("visit_occurrence_id", "person_id", "visit_type_concept_id",
                "visit_start_date", "visit_start_datetime"), r -> {
            Long id = (Long) r.get("visit_occurrence_id");
            Long person = (Long) r.get("person_id");
            if (id == null || person == null || !isSession(r)) {
                return;
            }
            LocalDateTime start = (LocalDateTime) r.get("visit_start_datetime");
            LocalDate day = (LocalDate) r.get("visit_start_date");
            if (start == null && day != null) {
                start = day.atStartOfDay();
            }
            if (ReleaseWindow.contains(ctx, person, start == null ? null : start.toLocalDate())) {
                latest.offer(person, id, start);
            }
        });
        superseded = latest.superseded();
    }

    private static boolean isSession(Row visit) {
        Integer type = (Integer) visit.get("visit_type_concept_id");
        return type != null && type == SESSION_VISIT_TYPE;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Long visit = (Long) row.get("visit_occurrence_id");
        if (visit == null || !superseded.contains(visit)) {
            return Verdict.KEEP;
        }
        if (row.table().name().equals("visit_occurrence")) {
            return isSession(row) ? Verdict.remove("a later physical-measurement session of the participant exists")
                    : Verdict.KEEP;
        }
        Integer type = (Integer) row.get("measurement_type_concept_id");
        return type != null && type == BodyMeasurement.PHYSICAL_MEASUREMENT_TYPE
                ? Verdict.remove("measurement of a physical-measurement session replaced by a later one") : Verdict.KEEP;
    }
}
