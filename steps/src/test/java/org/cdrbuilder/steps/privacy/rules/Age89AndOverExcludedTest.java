package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.heartRate;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.person;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** age_89_and_over_excluded: every row of a participant aged 89+ at the cutoff goes in registered, none in controlled. */
class Age89AndOverExcludedTest {
    @TempDir
    Path tmp;

    private RuleTestKit kit(String tier) {
        // cutoff 2026-10-01: born 1937-10-01 is 89 that day, born 1937-10-02 is still 88
        return new RuleTestKit(tmp.resolve(tier)).participant(1, p -> p.birthDate = LocalDate.of(1937, 10, 1))
                .participant(2, p -> p.birthDate = LocalDate.of(1937, 10, 2)).tier(tier);
    }

    private static List<Row> rows() {
        return List.of(person(1, 0, 0), person(2, 0, 0), condition(10, 1, 0, null), condition(11, 2, 0, null),
                heartRate(1, LocalDate.of(2025, 1, 1).atStartOfDay()), heartRate(2, LocalDate.of(2025, 1, 1).atStartOfDay()));
    }

    @Test
    void registered_removesEveryRowOfTheOldest_fitbitIncluded() {
        var result = kit("registered").run(new Age89AndOverExcluded(), rows());
        assertThat(result.removed()).hasSize(3).allSatisfy(r -> assertThat(r.get("person_id")).isEqualTo(1L));
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("age_89_and_over_excluded");
            assertThat(s.reason()).isEqualTo("participant aged 89 or more at the cutoff");
        });
        assertThat(result.remaining).hasSize(3).allSatisfy(r -> assertThat(r.get("person_id")).isEqualTo(2L));
    }

    @Test
    void controlled_keepsEveryone() {
        var result = kit("controlled").run(new Age89AndOverExcluded(), rows());
        assertThat(result.sandboxed).isEmpty();
        assertThat(result.remaining).hasSize(6);
    }
}
