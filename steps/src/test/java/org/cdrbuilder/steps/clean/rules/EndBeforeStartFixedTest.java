package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** end_before_start_fixed: rows loaded / sandboxed (as they were) / remaining (as changed). */
class EndBeforeStartFixedTest {
    private static final LocalDate START = LocalDate.of(2021, 4, 10);
    private static final LocalDateTime START_TIME = START.atTime(14, 30);

    @TempDir
    Path tmp;

    static Row condition(long id, LocalDate start, LocalDate end) {
        return row("condition_occurrence", "condition_occurrence_id", id, "person_id", 1L,
                "condition_concept_id", 320128, "condition_start_date", start, "condition_end_date", end,
                "condition_type_concept_id", 32817);
    }

    static Row drug(long id, LocalDateTime start, LocalDateTime end) {
        return row("drug_exposure", "drug_exposure_id", id, "person_id", 1L, "drug_concept_id", 1127433,
                "drug_exposure_start_date", start.toLocalDate(), "drug_exposure_start_datetime", start,
                "drug_exposure_end_date", end.toLocalDate(), "drug_exposure_end_datetime", end,
                "drug_type_concept_id", 32817);
    }

    @Test
    void endTheDayBeforeStart_becomesTheStart_endOnTheStartDayStays() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row dayBefore = condition(10, START, START.minusDays(1));
        Row sameDay = condition(11, START, START);
        Row noEnd = condition(12, START, null);
        var result = kit.run(new EndBeforeStartFixed(), List.of(dayBefore, sameDay, noEnd));

        assertThat(result.remaining).containsExactly(condition(10, START, START), sameDay, noEnd);
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("end_before_start_fixed");
            assertThat(s.action()).isEqualTo("changed");
            assertThat(s.before()).isEqualTo(dayBefore);
            assertThat(s.reason()).isEqualTo("end date before start date: end set to the start");
        });
    }

    @Test
    void endDatetimeBeforeTheStart_takesTheStartDatetime() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row bothBefore = drug(10, START_TIME, START_TIME.minusDays(3));
        Row sameDayEarlierTime = drug(11, START_TIME, START_TIME.minusMinutes(1));
        Row sameInstant = drug(12, START_TIME, START_TIME);
        var result = kit.run(new EndBeforeStartFixed(), List.of(bothBefore, sameDayEarlierTime, sameInstant));

        assertThat(result.remaining).containsExactly(drug(10, START_TIME, START_TIME), drug(11, START_TIME, START_TIME),
                sameInstant);
        assertThat(result.changed()).containsExactly(bothBefore, sameDayEarlierTime);
        assertThat(result.sandboxed).extracting(s -> s.reason()).containsExactly(
                "end date before start date: end set to the start",
                "end datetime before start datetime: end datetime set to the start");
    }

    @Test
    void endDatetimeNotBeforeTheStart_isLeftAsItIs_andNoTimeIsInvented() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        // End date before the start but an end datetime after it: only the date is wrong.
        Row dateOnly = drug(10, START_TIME, START_TIME.plusHours(2)).set("drug_exposure_end_date", START.minusDays(1));
        // No start datetime: an end datetime before the start date is emptied rather than given a made-up time.
        Row noStartTime = drug(11, START_TIME, START_TIME.minusDays(2)).set("drug_exposure_start_datetime", null);
        var result = kit.run(new EndBeforeStartFixed(), List.of(dateOnly, noStartTime));

        assertThat(result.remaining).containsExactly(
                drug(10, START_TIME, START_TIME.plusHours(2)).set("drug_exposure_end_date", START),
                drug(11, START_TIME, START_TIME).set("drug_exposure_start_datetime", null)
                        .set("drug_exposure_end_datetime", null));
    }

    @Test
    void visitsProceduresAndDevicesAreFixedToo_observationPeriodIsNot() {
        assertThat(new EndBeforeStartFixed().info().tables()).containsExactly("condition_occurrence",
                "device_exposure", "drug_exposure", "procedure_occurrence", "visit_occurrence");
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row visit = row("visit_occurrence", "visit_occurrence_id", 1L, "person_id", 1L, "visit_concept_id", 9202,
                "visit_start_date", START, "visit_end_date", START.minusDays(1), "visit_type_concept_id", 32817);
        Row procedure = row("procedure_occurrence", "procedure_occurrence_id", 2L, "person_id", 1L,
                "procedure_concept_id", 4058439, "procedure_date", START, "procedure_end_date", START.minusDays(1),
                "procedure_type_concept_id", 32817);
        Row device = row("device_exposure", "device_exposure_id", 3L, "person_id", 1L, "device_concept_id", 4044008,
                "device_exposure_start_date", START, "device_exposure_end_date", START.minusDays(1),
                "device_type_concept_id", 32817);
        var result = kit.run(new EndBeforeStartFixed(), List.of(visit, procedure, device));

        assertThat(result.changed()).containsExactly(visit, procedure, device);
        assertThat(result.remaining).extracting(r -> r.get(r.table().name().equals("visit_occurrence") ? "visit_end_date"
                : r.table().name().equals("procedure_occurrence") ? "procedure_end_date" : "device_exposure_end_date"))
                .containsOnly(START);
    }
}
