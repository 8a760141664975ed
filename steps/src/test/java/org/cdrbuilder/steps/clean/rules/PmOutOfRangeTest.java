package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pm_out_of_range: rows loaded / sandboxed / remaining. */
class PmOutOfRangeTest {
    static final RowOrigin PM = new RowOrigin("pm", null);

    @TempDir
    Path tmp;

    static Row pm(long id, long visit, String code, int sourceConcept, Double value) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", 0,
                "measurement_date", LocalDate.of(2020, 1, 1), "measurement_type_concept_id", 44818701,
                "visit_occurrence_id", visit, "measurement_source_value", code,
                "measurement_source_concept_id", sourceConcept, "value_as_number", value);
    }

    @Test
    void heightWeightBmiOutsideTheirRanges_removed_boundsKept() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> kept = List.of(pm(1, 5, "height", 903133, 90.0), pm(2, 5, "height", 903133, 228.0),
                pm(3, 5, "weight", 903121, 30.0), pm(4, 5, "weight", 903121, 250.0), pm(5, 5, "bmi", 903124, 10.0),
                pm(6, 5, "bmi", 903124, 125.0), pm(7, 5, "height", 903133, null),
                pm(8, 5, "heart-rate-mean", 903126, 300.0));
        List<Row> removed = List.of(pm(11, 5, "height", 903133, 89.9), pm(12, 5, "height", 903133, 228.1),
                pm(13, 5, "weight", 903121, 29.9), pm(14, 5, "weight", 903121, 250.5),
                pm(15, 5, "bmi", 903124, 9.99), pm(16, 5, "bmi", 903124, 126.0),
                // recognized by the source concept alone, or by the code alone
                pm(17, 5, "weight-reading", 903121, 400.0), pm(18, 5, "height", 0, 20.0));
        List<Row> all = new ArrayList<>(kept);
        all.addAll(removed);

        var result = kit.run(new PmOutOfRange(), PM, all);

        assertThat(result.remaining).containsExactlyElementsOf(kept);
        assertThat(result.removed()).containsExactlyElementsOf(removed);
        assertThat(result.sandboxed).allSatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("pm_out_of_range");
            assertThat(s.reason()).matches("(height|weight|bmi) outside the plausible range");
        });
    }

    @Test
    void ehrMeasurements_areNotPhysicalMeasurements() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        Row ehrHeight = pm(1, 5, "height", 903133, 20.0).set("measurement_type_concept_id", 32817);
        var result = kit.run(new PmOutOfRange(), List.of(ehrHeight));
        assertThat(result.remaining).containsExactly(ehrHeight);
    }
}
