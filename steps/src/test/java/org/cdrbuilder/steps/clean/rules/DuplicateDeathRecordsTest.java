package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * duplicate_death_records: rows loaded / sandboxed / remaining. The death rows are given twice: as the table
 * {@code prepare} reads (split in two parts, like two sites) and as the rows checked.
 */
class DuplicateDeathRecordsTest {
    private static final RowOrigin EHR = new RowOrigin("ehr", "site_a");
    private static final LocalDate DAY = LocalDate.of(2021, 3, 10);

    @TempDir
    Path tmp;

    static Row death(long person, LocalDate date, LocalDateTime datetime, int type, int cause) {
        return row("death", "person_id", person, "death_date", date, "death_datetime", datetime,
                "death_type_concept_id", type, "cause_concept_id", cause);
    }

    private RuleTestKit kit(List<Row> deaths) {
        return kit(tmp, deaths);
    }

    private static RuleTestKit kit(Path dir, List<Row> deaths) {
        int half = deaths.size() / 2;
        return new RuleTestKit(dir).participant(1).participant(2)
                .table("death", deaths.subList(0, half)).table("death", deaths.subList(half, deaths.size()));
    }

    @Test
    void theEarliestPlausibleDeathStays_laterOnesAreRemoved_implausibleOnesAreLeftToTheirRule() {
        Row implausible = death(1, LocalDate.of(2016, 6, 1), null, 32817, 0);
        Row earliest = death(1, DAY, null, 32817, 0);
        Row nextDay = death(1, DAY.plusDays(1), null, 32817, 0);
        Row onlyDeath = death(2, DAY.plusDays(5), null, 32817, 0);
        List<Row> deaths = List.of(nextDay, implausible, earliest, onlyDeath);
        List<CleaningRule> rules = List.of(new DeathDateImplausible(), new DuplicateDeathRecords());
        var result = kit(deaths).run(rules, EHR, deaths);

        assertThat(result.remaining).containsExactlyInAnyOrder(earliest, onlyDeath);
        assertThat(result.sandboxed).hasSize(2);
        assertThat(result.sandboxed).filteredOn(s -> s.before().equals(implausible)).singleElement()
                .satisfies(s -> assertThat(s.ruleId()).isEqualTo("death_date_implausible"));
        assertThat(result.sandboxed).filteredOn(s -> s.before().equals(nextDay)).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("duplicate_death_records");
            assertThat(s.reason()).isEqualTo("duplicate death: the participant has a death with an earlier date");
        });
    }

    @Test
    void sameDate_earliestDatetimeWins_missingDatetimeLast_thenTypeAndCause_whateverTheArrivalOrder() {
        Row noTime = death(1, DAY, null, 32817, 0);
        Row late = death(1, DAY, DAY.atTime(18, 0), 32817, 0);
        Row earlyHigherCause = death(1, DAY, DAY.atTime(9, 0), 32817, 4306655);
        Row chosen = death(1, DAY, DAY.atTime(9, 0), 32817, 0);
        List<Row> deaths = new ArrayList<>(List.of(noTime, late, earlyHigherCause, chosen));
        for (int shuffle = 0; shuffle < 4; shuffle++) {
            Collections.rotate(deaths, 1);
            var result = kit(tmp.resolve("order" + shuffle), deaths).run(new DuplicateDeathRecords(), EHR, deaths);
            assertThat(result.remaining).as("arrival order %s", deaths).containsExactly(chosen);
            assertThat(result.sandboxed).hasSize(3).allSatisfy(s -> {
                assertThat(s.ruleId()).isEqualTo("duplicate_death_records");
                assertThat(s.reason()).isEqualTo("duplicate death: another death of the participant on the same date was kept");
            });
        }
    }

    @Test
    void identicalRowsCannotBeToldApart_noneOfThemIsKept() {
        // Deliberate: keeping "one of" two identical rows would depend on which unit runs first; keeping both would
        // release two deaths for one person. Every copy goes to the sandbox with its own reason.
        Row copy = death(1, DAY, null, 32817, 0);
        Row later = death(1, DAY.plusDays(2), null, 32817, 0);
        List<Row> deaths = List.of(copy, later, copy.copy());
        var result = kit(deaths).run(new DuplicateDeathRecords(), EHR, deaths);

        assertThat(result.remaining).isEmpty();
        assertThat(result.sandboxed).extracting(s -> s.reason()).containsExactly(
                "duplicate death: identical death rows of the participant cannot be told apart",
                "duplicate death: the participant has a death with an earlier date",
                "duplicate death: identical death rows of the participant cannot be told apart");
    }

    @Test
    void aSingleEarliestDeathStays_evenWhenAnEarlierRuleChangedItsOtherColumns() {
        Row asReceived = death(1, DAY, null, 32817, 0);
        Row asChecked = death(1, DAY, null, 32817, 4306655); // e.g. a cause concept standardized by an earlier rule
        Row later = death(1, DAY.plusDays(1), null, 32817, 0);
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).table("death", List.of(asReceived, later));
        var result = kit.run(new DuplicateDeathRecords(), EHR, List.of(asChecked, later));

        assertThat(result.remaining).containsExactly(asChecked);
        assertThat(result.removed()).containsExactly(later);
    }
}
