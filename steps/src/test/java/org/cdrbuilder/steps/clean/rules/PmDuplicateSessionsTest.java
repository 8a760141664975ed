package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.PmOutOfRangeTest.PM;
import static org.cdrbuilder.steps.clean.rules.PmOutOfRangeTest.pm;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pm_duplicate_sessions: rows loaded / sandboxed / remaining. */
class PmDuplicateSessionsTest {
    @TempDir
    Path tmp;

    static Row visit(long id, long person, LocalDateTime start, int type) {
        return row("visit_occurrence", "visit_occurrence_id", id, "person_id", person, "visit_concept_id", 9202,
                "visit_start_date", start.toLocalDate(), "visit_start_datetime", start,
                "visit_end_date", start.toLocalDate(), "visit_end_datetime", start, "visit_type_concept_id", type);
    }

    static Row session(long id, long person, LocalDateTime start) {
        return visit(id, person, start, 44818519);
    }

    static RuleTestKit.Result run(RuleTestKit kit, List<Row> visits, List<Row> measurements) {
        kit.table("visit_occurrence", visits).table("measurement", measurements);
        List<Row> all = new ArrayList<>(visits);
        all.addAll(measurements);
        return kit.run(new PmDuplicateSessions(), PM, all);
    }

    @Test
    void onlyTheLatestSessionOfAParticipantStays_withItsMeasurements() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).participant(2);
        Row older = session(5, 1, LocalDateTime.of(2020, 1, 1, 9, 0));
        Row latest = session(6, 1, LocalDateTime.of(2021, 1, 1, 9, 0));
        Row other = session(7, 2, LocalDateTime.of(2020, 1, 1, 9, 0));
        Row ehrVisit = visit(8, 1, LocalDateTime.of(2019, 1, 1, 9, 0), 32817);
        Row oldHeight = pm(50, 5, "height", 903133, 170.0);
        Row oldWeight = pm(51, 5, "weight", 903121, 70.0);
        Row newHeight = pm(60, 6, "height", 903133, 171.0);
        Row otherHeight = pm(70, 7, "height", 903133, 160.0).set("person_id", 2L);

        var result = run(kit, List.of(older, latest, other, ehrVisit), List.of(oldHeight, oldWeight, newHeight, otherHeight));

        assertThat(result.removed()).containsExactly(older, oldHeight, oldWeight);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("pm_duplicate_sessions"));
        assertThat(result.remaining).containsExactly(latest, other, ehrVisit, newHeight, otherHeight);
    }

    @Test
    void sameStart_highestIdWins() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        LocalDateTime t = LocalDateTime.of(2020, 1, 1, 9, 0);
        var result = run(kit, List.of(session(9, 1, t), session(8, 1, t)), List.of());
        assertThat(result.removed()).extracting(r -> r.get("visit_occurrence_id")).containsExactly(8L);
    }

    @Test
    void sessionAfterDeactivation_doesNotReplaceAnEarlierOne() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1, p -> p.deactivationDate = LocalDate.of(2020, 6, 1));
        Row kept = session(5, 1, LocalDateTime.of(2020, 1, 1, 9, 0));
        Row late = session(6, 1, LocalDateTime.of(2021, 1, 1, 9, 0));
        kit.table("visit_occurrence", List.of(kept, late));
        var result = kit.run(List.of(new PmDuplicateSessions(), new DataAfterDeactivation()), PM, List.of(kept, late));
        assertThat(result.remaining).containsExactly(kept);
        assertThat(result.sandboxed).singleElement().satisfies(s -> assertThat(s.ruleId()).isEqualTo("data_after_deactivation"));
    }

    @Test
    void ehrMeasurementsPointingToAnOldSession_stay() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row ehrMeasurement = pm(50, 5, "height", 903133, 170.0).set("measurement_type_concept_id", 32817);
        var result = run(kit, List.of(session(5, 1, LocalDateTime.of(2020, 1, 1, 9, 0)),
                session(6, 1, LocalDateTime.of(2021, 1, 1, 9, 0))), List.of(ehrMeasurement));
        assertThat(result.remaining).contains(ehrMeasurement);
    }
}
