package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drug_refills_days_supply_outliers: rows loaded / sandboxed (as they were) / remaining (as changed). */
class DrugRefillsDaysSupplyOutliersTest {
    @TempDir
    Path tmp;

    static Row drug(long id, Integer refills, Integer daysSupply) {
        LocalDate start = LocalDate.of(2021, 4, 10);
        return row("drug_exposure", "drug_exposure_id", id, "person_id", 1L, "drug_concept_id", 1127433,
                "drug_exposure_start_date", start, "drug_exposure_end_date", start.plusDays(30),
                "drug_type_concept_id", 32817, "refills", refills, "days_supply", daysSupply);
    }

    @Test
    void valuesBelowTheMaximumsStay_valuesAtTheMaximumsAreEmptied() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row below = drug(1, 9, 179);
        Row refillsAtMax = drug(2, 10, 30);
        Row daysAtMax = drug(3, 1, 180);
        Row missing = drug(4, null, null);
        var result = kit.run(new DrugRefillsDaysSupplyOutliers(), List.of(below, refillsAtMax, daysAtMax, missing));

        assertThat(result.remaining).containsExactly(below, drug(2, null, 30), drug(3, 1, null), missing);
        assertThat(result.changed()).containsExactly(refillsAtMax, daysAtMax);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("drug_refills_days_supply_outliers"))
                .extracting(s -> s.reason()).containsExactly("refills at or above the maximum: emptied",
                        "days supply at or above the maximum: emptied");
    }

    @Test
    void bothOutliers_oneChangeNamingBoth() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row both = drug(1, 99, 3650);
        var result = kit.run(new DrugRefillsDaysSupplyOutliers(), List.of(both));

        assertThat(result.remaining).containsExactly(drug(1, null, null));
        assertThat(result.sandboxed).singleElement().satisfies(s -> {
            assertThat(s.before()).isEqualTo(both);
            assertThat(s.reason()).isEqualTo("refills and days supply at or above their maximums: both emptied");
        });
    }

    @Test
    void maximumsComeFromTheParameters() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1).parameters(p -> {
            p.maximumRefills = 3;
            p.maximumDaysSupply = 90;
        });
        var result = kit.run(new DrugRefillsDaysSupplyOutliers(), List.of(drug(1, 2, 89), drug(2, 3, 90)));
        assertThat(result.remaining).containsExactly(drug(1, 2, 89), drug(2, null, null));
    }
}
