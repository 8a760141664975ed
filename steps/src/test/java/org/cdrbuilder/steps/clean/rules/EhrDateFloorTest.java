package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ehr_date_floor: rows loaded / sandboxed / remaining. */
class EhrDateFloorTest {
    private static final RowOrigin EHR = new RowOrigin("ehr", "site_a");

    @TempDir
    Path tmp;

    static Row condition(long id, LocalDate start) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", 1L,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_type_concept_id", 32817);
    }

    static Row observation(long id, LocalDate date) {
        return row("observation", "observation_id", id, "person_id", 1L, "observation_concept_id", 4214956,
                "observation_date", date, "observation_type_concept_id", 32817);
    }

    @Test
    void ehrRows_inOrBeforeTheFloorYearAreRemoved_theYearAfterStays() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row firstDayOfFloorYear = condition(10, LocalDate.of(1980, 1, 1));
        Row lastDayOfFloorYear = condition(11, LocalDate.of(1980, 12, 31));
        Row firstDayAfter = condition(12, LocalDate.of(1981, 1, 1));
        Row longBefore = condition(13, LocalDate.of(206, 3, 1));
        var result = kit.run(new EhrDateFloor(), EHR, List.of(firstDayOfFloorYear, lastDayOfFloorYear, firstDayAfter,
                longBefore));

        assertThat(result.remaining).containsExactly(firstDayAfter);
        assertThat(result.removed()).containsExactly(firstDayOfFloorYear, lastDayOfFloorYear, longBefore);
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("ehr_date_floor");
            assertThat(s.reason()).doesNotContainPattern("\\d");
        });
    }

    @Test
    void observation_usesItsOwnFloorYear() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row lastDayOfFloorYear = observation(20, LocalDate.of(1900, 12, 31));
        Row firstDayAfter = observation(21, LocalDate.of(1901, 1, 1));
        Row underTheEhrFloor = observation(22, LocalDate.of(1975, 6, 1));
        var result = kit.run(new EhrDateFloor(), EHR, List.of(lastDayOfFloorYear, firstDayAfter, underTheEhrFloor));

        assertThat(result.remaining).containsExactly(firstDayAfter, underTheEhrFloor);
        assertThat(result.removed()).containsExactly(lastDayOfFloorYear);
    }

    @Test
    void participantProvidedRows_areNotAffected() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row old = condition(10, LocalDate.of(1975, 1, 1));
        Row answer = observation(20, LocalDate.of(1890, 1, 1));
        for (String kind : List.of("survey", "pm")) {
            var result = kit.run(new EhrDateFloor(), new RowOrigin(kind, null), List.of(old, answer));
            assertThat(result.remaining).as(kind).containsExactly(old, answer);
            assertThat(result.sandboxed).as(kind).isEmpty();
        }
    }

    @Test
    void floorYearsComeFromTheParameters() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).parameters(p -> {
            p.ehrFloorYear = 1990;
            p.observationFloorYear = 1950;
        });
        var result = kit.run(new EhrDateFloor(), EHR, List.of(condition(10, LocalDate.of(1990, 12, 31)),
                condition(11, LocalDate.of(1991, 1, 1)), observation(20, LocalDate.of(1950, 7, 1)),
                observation(21, LocalDate.of(1951, 1, 1))));
        assertThat(result.remaining).containsExactly(condition(11, LocalDate.of(1991, 1, 1)),
                observation(21, LocalDate.of(1951, 1, 1)));
    }
}
