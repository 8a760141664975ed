package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.clean.rules.PmDuplicateSessionsTest.session;
import static org.cdrbuilder.steps.clean.rules.PmOutOfRangeTest.PM;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bmi_computed: rows loaded / created / remaining. */
class BmiComputedTest {
    static final LocalDateTime WEIGHED = LocalDateTime.of(2020, 3, 4, 9, 30);

    @TempDir
    Path tmp;

    static Row measured(long id, long visit, String code, int sourceConcept, Double value) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", 0,
                "measurement_date", WEIGHED.toLocalDate(), "measurement_datetime", WEIGHED,
                "measurement_type_concept_id", 44818701, "visit_occurrence_id", visit,
                "measurement_source_value", code, "measurement_source_concept_id", sourceConcept,
                "value_as_number", value);
    }

    static Row height(long id, long visit, double cm) {
        return measured(id, visit, "height", 903133, cm);
    }

    static Row weight(long id, long visit, double kg) {
        return measured(id, visit, "weight", 903121, kg);
    }

    static Row bmi(long visit, double value) {
        return row("measurement", "measurement_id", 0L, "person_id", 1L, "measurement_concept_id", 3038553,
                "measurement_date", WEIGHED.toLocalDate(), "measurement_datetime", WEIGHED,
                "measurement_type_concept_id", 44818701, "value_as_number", value, "unit_concept_id", 9531,
                "visit_occurrence_id", visit, "measurement_source_value", "bmi",
                "measurement_source_concept_id", 903124, "unit_source_value", "kg/m2");
    }

    static RuleTestKit.Result run(RuleTestKit kit, List<CleaningRule> rules, List<Row> measurements) {
        kit.table("measurement", measurements);
        return kit.run(rules, PM, measurements);
    }

    @Test
    void sessionWithHeightAndWeightButNoBmi_getsOne_roundedHalfUp() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> rows = List.of(height(1, 5, 170.0), weight(2, 5, 70.0),
                // 50.02 / 2.0^2 = 12.505: half up gives 12.51
                height(3, 6, 200.0), weight(4, 6, 50.02),
                height(5, 7, 180.0), weight(6, 7, 80.0), measured(7, 7, "bmi", 903124, 24.69),
                height(8, 8, 180.0));

        var result = run(kit, List.of(new BmiComputed()), rows);

        assertThat(result.created).containsExactly(bmi(5, 24.22), bmi(6, 12.51));
        assertThat(result.remaining).containsExactlyElementsOf(rows);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void onlyMeasurementsThatSurvivePmOutOfRangeCount() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> rows = List.of(
                // implausible height: nothing to compute from
                height(1, 5, 80.0), weight(2, 5, 70.0),
                // implausible BMI is removed, so the session has none and gets a computed one
                height(3, 6, 170.0), weight(4, 6, 70.0), measured(5, 6, "bmi", 903124, 300.0),
                // the computed BMI would be implausible itself (250 kg at 1.40 m = 127.55): not added
                height(6, 7, 140.0), weight(7, 7, 250.0));

        var result = run(kit, List.of(new PmOutOfRange(), new BmiComputed()), rows);

        assertThat(result.created).containsExactly(bmi(6, 24.22));
        assertThat(result.removed()).extracting(r -> r.get("measurement_id")).containsExactly(1L, 5L);
    }

    @Test
    void olderSessionsRemovedByPmDuplicateSessions_getNoBmi() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        kit.table("visit_occurrence", List.of(session(5, 1, LocalDateTime.of(2020, 1, 1, 9, 0)),
                session(6, 1, LocalDateTime.of(2021, 1, 1, 9, 0))));
        List<Row> rows = List.of(height(1, 5, 170.0), weight(2, 5, 70.0), height(3, 6, 170.0), weight(4, 6, 72.0));

        var result = run(kit, List.of(new PmDuplicateSessions(), new BmiComputed()), rows);

        assertThat(result.created).containsExactly(bmi(6, 24.91));
    }

    @Test
    void bmi_isWeightOverHeightInMetresSquared() {
        assertThat(BmiComputed.bmi(70.0, 170.0)).isEqualTo(24.22);
        assertThat(BmiComputed.bmi(50.02, 200.0)).isEqualTo(12.51);
        assertThat(BmiComputed.bmi(81.0, 180.0)).isEqualTo(25.0);
    }

    @Test
    void ehrHeightsAndWeights_areIgnored() {
        RuleTestKit kit = new RuleTestKit(tmp).participant(1);
        List<Row> rows = List.of(height(1, 5, 170.0).set("measurement_type_concept_id", 32817),
                weight(2, 5, 70.0).set("measurement_type_concept_id", 32817));
        assertThat(run(kit, List.of(new BmiComputed()), rows).created).isEmpty();
    }
}
