package org.cdrbuilder.steps.clean.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.DelimitedFile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** unit_normalization with the shipped config/unit-normalization.csv: rows loaded / sandboxed / remaining. */
class UnitNormalizationTest {
    static final LocalDate DAY = LocalDate.of(2021, 5, 6);
    static final int GLUCOSE = 3004501;
    static final int HEMOGLOBIN = 3000963;
    static final int CREATININE = 3016723;
    static final int POTASSIUM = 3023103;
    static final int BODY_HEIGHT = 3036277;

    @TempDir
    Path tmp;

    static Row measurement(long id, int concept, Double value, Integer unit, String unitSource, Double low, Double high) {
        return row("measurement", "measurement_id", id, "person_id", 1L, "measurement_concept_id", concept,
                "measurement_date", DAY, "measurement_type_concept_id", 32817, "value_as_number", value,
                "unit_concept_id", unit, "unit_source_value", unitSource, "range_low", low, "range_high", high,
                "value_source_value", value == null ? null : String.valueOf(value));
    }

    RuleTestKit kit() {
        return new RuleTestKit(tmp).participant(1);
    }

    @Test
    void labsInAnotherUnit_convertedWithTheirRanges() {
        Row glucose = measurement(1, GLUCOSE, 5.5, 8753, "mmol/L", 3.9, 5.6);
        Row hemoglobin = measurement(2, HEMOGLOBIN, 135.0, 8636, "g/L", 120.0, 160.0);
        Row creatinine = measurement(3, CREATININE, 88.4, 8749, "umol/L", null, null);
        var result = kit().run(new UnitNormalization(), List.of(glucose, hemoglobin, creatinine));

        assertThat(result.sandboxed).extracting(RuleTestKit.Sandboxed::before).containsExactly(glucose, hemoglobin, creatinine);
        assertThat(result.sandboxed).allSatisfy(s -> assertThat(s.ruleId()).isEqualTo("unit_normalization"));
        assertThat(result.remaining).hasSize(3);
        assertConverted(result.remaining.get(0), 99.088, 8840, "mg/dL", 70.2624, 100.8896);
        assertConverted(result.remaining.get(1), 13.5, 8713, "g/dL", 12.0, 16.0);
        assertConverted(result.remaining.get(2), 0.9999808, 8840, "mg/dL", null, null); // 88.4 umol/L is 1 mg/dL
        assertThat(result.remaining.get(0).get("value_source_value")).isEqualTo("5.5");
    }

    @Test
    void inchesAndPounds_convertedForAnyMeasurement() {
        var result = kit().run(new UnitNormalization(), List.of(measurement(1, BODY_HEIGHT, 70.0, 9327, "[in_i]", null, null),
                measurement(2, BODY_HEIGHT, 70.0, 9330, "in", null, null),
                measurement(3, 3025315, 150.0, 8739, "lb", null, null)));
        assertConverted(result.remaining.get(0), 177.8, 8582, "cm", null, null);
        assertConverted(result.remaining.get(1), 177.8, 8582, "cm", null, null);
        assertConverted(result.remaining.get(2), 68.0388555, 9529, "kg", null, null);
    }

    @Test
    void rowsInTheTargetUnitWithoutUnitOrWithoutAConversion_stay() {
        List<Row> loaded = List.of(measurement(1, GLUCOSE, 99.0, 8840, "mg/dL", null, null),
                measurement(2, GLUCOSE, 99.0, null, null, null, null),
                measurement(3, POTASSIUM, 4.1, 8753, "mmol/L", null, null), // mmol/L is only converted per analyte
                measurement(4, HEMOGLOBIN, 13.5, 0, null, null, null));
        var result = kit().run(new UnitNormalization(), loaded);
        assertThat(result.remaining).containsExactlyElementsOf(loaded);
        assertThat(result.sandboxed).isEmpty();
    }

    @Test
    void rowWithoutValue_stillGetsTheTargetUnit() {
        var result = kit().run(new UnitNormalization(), List.of(measurement(1, GLUCOSE, null, 8753, "mmol/L", null, null)));
        assertConverted(result.remaining.get(0), null, 8840, "mg/dL", null, null);
    }

    @Test
    void lineForTheMeasurement_winsOverTheLineForAnyMeasurement() {
        Path file = TestFiles.write(tmp.resolve("units.csv"),
                "to_unit_source_value,factor,to_unit_concept_id,from_unit_concept_id,measurement_concept_id",
                "cm,2.54,8582,9327,0",
                "mm,25.4,8588,9327,3036277");
        var result = kit().parameters(p -> p.unitNormalization = file.toString()).run(new UnitNormalization(),
                List.of(measurement(1, BODY_HEIGHT, 2.0, 9327, "in", null, null), measurement(2, 3000000, 2.0, 9327, "in", null, null)));
        assertConverted(result.remaining.get(0), 50.8, 8588, "mm", null, null);
        assertConverted(result.remaining.get(1), 5.08, 8582, "cm", null, null);
    }

    @Test
    void missingFile_isAConfigurationError() {
        var kit = kit().parameters(p -> p.unitNormalization = "nope/units.csv");
        assertThatThrownBy(() -> kit.run(new UnitNormalization(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unit normalization file not found")
                .hasMessageContaining("nope/units.csv");
    }

    @Test
    void malformedFiles_areConfigurationErrorsNamingTheLine() {
        assertThatThrownBy(() -> UnitNormalization.read(TestFiles.write(tmp.resolve("a.csv"),
                "measurement_concept_id,from_unit_concept_id,to_unit_concept_id,factor",
                "0,9327,8582,2.54")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing column to_unit_source_value");
        assertThatThrownBy(() -> UnitNormalization.read(TestFiles.write(tmp.resolve("b.csv"),
                String.join(",", UnitNormalization.COLUMNS), "0,9327,8582,2.54,cm", "0,9327,8582,2.54,cm")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 3").hasMessageContaining("second conversion");
        assertThatThrownBy(() -> UnitNormalization.read(TestFiles.write(tmp.resolve("c.csv"),
                String.join(",", UnitNormalization.COLUMNS), "0,9327,8582,-1,cm")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("factor");
        assertThatThrownBy(() -> UnitNormalization.read(TestFiles.write(tmp.resolve("d.csv"),
                String.join(",", UnitNormalization.COLUMNS), "glucose,8753,8840,18,mg/dL")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("measurement_concept_id is not a concept id");
        assertThatThrownBy(() -> UnitNormalization.read(TestFiles.write(tmp.resolve("e.csv"),
                String.join(",", UnitNormalization.COLUMNS), "0,8582,8582,1,cm")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("equals to_unit_concept_id");
    }

    /** Every unit the shipped file names is a standard UCUM unit of the generator's vocabulary. */
    @Test
    void shippedFile_usesUnitsOfTheVocabulary() {
        Map<String, String[]> concepts = new HashMap<>();
        try (DelimitedFile in = DelimitedFile.open(TestFiles.repoRoot()
                .resolve("generator/src/main/resources/org/cdrbuilder/generator/vocabulary/CONCEPT.csv"))) {
            in.forEachRemaining(r -> concepts.put(r.field(0), r.fields()));
        }
        try (DelimitedFile in = DelimitedFile.open(TestFiles.repoRoot().resolve("config/unit-normalization.csv"))) {
            assertThat(in.header()).containsExactlyElementsOf(UnitNormalization.COLUMNS);
            in.forEachRemaining(r -> {
                for (String unit : List.of(r.field(1), r.field(2))) {
                    assertThat(concepts.get(unit)).as("unit " + unit).isNotNull()
                            .satisfies(c -> assertThat(List.of(c[2], c[3], c[5])).containsExactly("Unit", "UCUM", "S"));
                }
                assertThat(concepts.get(r.field(2))[6]).as("source value of unit " + r.field(2)).isEqualTo(r.field(4));
            });
        }
        assertThat(UnitNormalization.read(TestFiles.repoRoot().resolve("config/unit-normalization.csv"))).hasSize(10);
    }

    static void assertConverted(Row r, Double value, int unit, String unitSource, Double low, Double high) {
        assertClose(r.get("value_as_number"), value);
        assertThat(r.get("unit_concept_id")).isEqualTo(unit);
        assertThat(r.get("unit_source_value")).isEqualTo(unitSource);
        assertClose(r.get("range_low"), low);
        assertClose(r.get("range_high"), high);
    }

    static void assertClose(Object actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat((Double) actual).isCloseTo(expected, within(1e-6));
        }
    }
}
