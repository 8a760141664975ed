package org.cdrbuilder.steps.ingest.pm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.ingest.pm.PmVocabulary.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.schema.CdrSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The RDR's own physical-measurement payloads (../shared/testdata/aou-rdr-payloads/physical_measurements, BSD),
 * read after substituting their placeholders. Expected means are computed here from each file's own numbers.
 */
class PhysicalMeasurementPayloadsTest {
    static final String PARTICIPANT = "P123456789";
    static final long PERSON = 123456789L;
    /** Authored time with an offset: rows must carry it in UTC. */
    static final String AUTHORED = "2018-03-04T10:15:00-05:00";
    static final LocalDateTime AUTHORED_UTC = LocalDateTime.of(2018, 3, 4, 15, 15);
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "participant_id", PARTICIPANT,
            "authored_time", AUTHORED,
            "physical_measurement_id", "1",
            "questionnaire_id", "1");
    static final Pattern PLACEHOLDER = Pattern.compile("%\\((\\w+)\\)s|\\{(\\w+)\\}");
    static final ObjectMapper JSON = new ObjectMapper();

    Path payloads;

    @TempDir
    Path tmp;

    /** Per test (not per class) so that each test shows up as skipped, with the reason, when the data is absent. */
    @BeforeEach
    void locate() {
        Path testdata = TestFiles.sharedTestdata();
        Assumptions.assumeTrue(testdata != null, "SKIPPED: ../shared/testdata not present");
        payloads = testdata.resolve("aou-rdr-payloads/physical_measurements");
        Assumptions.assumeTrue(Files.isDirectory(payloads), "SKIPPED: " + payloads + " not present");
    }

    @Test
    void measurementsAsFhir_visitAndEveryReading() throws IOException {
        RecordingSink sink = read("measurements-as-fhir.json");

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.visits()).containsExactly(new Row(CdrSchema.get().table("visit_occurrence"))
                .set("visit_occurrence_id", 0L)
                .set("person_id", PERSON)
                .set("visit_concept_id", 9202)
                .set("visit_start_date", LocalDate.of(2018, 3, 4))
                .set("visit_start_datetime", AUTHORED_UTC)
                .set("visit_end_date", LocalDate.of(2018, 3, 4))
                .set("visit_end_datetime", AUTHORED_UTC)
                .set("visit_type_concept_id", 44818519)
                .set("visit_source_value", "PM session"));
        assertThat(sink.sourceValues()).containsExactly(
                "blood-pressure-systolic-1", "blood-pressure-diastolic-1",
                "blood-pressure-systolic-2", "blood-pressure-diastolic-2",
                "blood-pressure-systolic-3", "blood-pressure-diastolic-3",
                "height", "weight", "bmi", "heart-rate-1",
                "hip-circumference-1", "hip-circumference-2", "hip-circumference-3",
                "waist-circumference-1", "waist-circumference-2", "waist-circumference-3",
                "blood-pressure-systolic-mean", "blood-pressure-diastolic-mean",
                "waist-circumference-mean", "hip-circumference-mean");
        for (Row m : sink.measurements()) {
            assertThat(m.get("person_id")).isEqualTo(PERSON);
            assertThat(m.get("visit_occurrence_id")).as("visit of %s", m).isEqualTo(0L);
            assertThat(m.get("measurement_type_concept_id")).isEqualTo(44818701);
            assertThat(m.get("measurement_date")).isEqualTo(LocalDate.of(2018, 3, 4));
            assertThat(m.get("measurement_datetime")).isEqualTo(AUTHORED_UTC);
        }
        assertThat(sink.measurements()).extracting(m -> m.get("measurement_id"))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
    }

    @Test
    void measurementsAsFhir_readingsKeepTheFileValuesUnitsAndConcepts() throws IOException {
        JsonNode file = substitutedTree("measurements-as-fhir.json");
        RecordingSink sink = read("measurements-as-fhir.json");

        Row systolic1 = new Row(CdrSchema.get().table("measurement"))
                .set("measurement_id", 0L)
                .set("person_id", PERSON)
                .set("measurement_concept_id", SYSTOLIC)
                .set("measurement_date", LocalDate.of(2018, 3, 4))
                .set("measurement_datetime", AUTHORED_UTC)
                .set("measurement_type_concept_id", 44818701)
                .set("value_as_number", component(file, "blood-pressure-1", "8480-6").doubleValue())
                .set("unit_concept_id", MM_HG)
                .set("unit_source_value", "mm[Hg]")
                .set("visit_occurrence_id", 0L)
                .set("measurement_source_value", "blood-pressure-systolic-1")
                .set("measurement_source_concept_id", SYSTOLIC_1_PPI)
                .set("value_source_value", component(file, "blood-pressure-1", "8480-6").toPlainString() + " mm[Hg]");
        assertThat(sink.measurement("blood-pressure-systolic-1")).isEqualTo(systolic1);

        assertReading(sink, "blood-pressure-diastolic-1", DIASTOLIC, component(file, "blood-pressure-1", "8462-4"),
                "mm[Hg]", MM_HG, DIASTOLIC_1_PPI);
        assertReading(sink, "blood-pressure-systolic-2", SYSTOLIC, component(file, "blood-pressure-2", "8480-6"),
                "mm[Hg]", MM_HG, SYSTOLIC_2_PPI);
        assertReading(sink, "blood-pressure-systolic-3", SYSTOLIC, component(file, "blood-pressure-3", "8480-6"),
                "mm[Hg]", MM_HG, SYSTOLIC_3_PPI);
        assertReading(sink, "height", HEIGHT, value(file, "height"), "cm", CM, HEIGHT_PPI);
        assertReading(sink, "weight", WEIGHT, value(file, "weight"), "kg", KG, WEIGHT_PPI);
        assertReading(sink, "bmi", BMI, value(file, "bmi"), "kg/m2", KG_M2, BMI_PPI);
        assertReading(sink, "heart-rate-1", HEART_RATE, value(file, "heart-rate"), "/min", PER_MIN, HEART_RATE_1_PPI);
        assertReading(sink, "hip-circumference-1", HIP_62409_8, value(file, "hip-circumference-1"), "cm", CM, HIP_1_PPI);
        // waist 1 is coded 8280-0 (not in the test vocabulary), waist 2 and 3 are coded 56086-2
        assertReading(sink, "waist-circumference-1", 0, value(file, "waist-circumference-1"), "cm", CM, WAIST_1_PPI);
        assertReading(sink, "waist-circumference-2", WAIST_56086_2, value(file, "waist-circumference-2"), "cm", CM, 0);
    }

    @Test
    void measurementsAsFhir_meansFromTheFileNumbers() throws IOException {
        JsonNode file = substitutedTree("measurements-as-fhir.json");
        RecordingSink sink = read("measurements-as-fhir.json");

        BigDecimal systolicMean = mean(component(file, "blood-pressure-2", "8480-6"),
                component(file, "blood-pressure-3", "8480-6"));
        BigDecimal diastolicMean = mean(component(file, "blood-pressure-2", "8462-4"),
                component(file, "blood-pressure-3", "8462-4"));
        BigDecimal waistMean = closestTwoMean(value(file, "waist-circumference-1"), value(file, "waist-circumference-2"),
                value(file, "waist-circumference-3"));
        BigDecimal hipMean = closestTwoMean(value(file, "hip-circumference-1"), value(file, "hip-circumference-2"),
                value(file, "hip-circumference-3"));

        assertMean(sink, "blood-pressure-systolic-mean", SYSTOLIC, systolicMean, "mm[Hg]", MM_HG, SYSTOLIC_MEAN_PPI);
        assertMean(sink, "blood-pressure-diastolic-mean", DIASTOLIC, diastolicMean, "mm[Hg]", MM_HG, DIASTOLIC_MEAN_PPI);
        assertMean(sink, "waist-circumference-mean", WAIST_56086_2, waistMean, "cm", CM, WAIST_MEAN_PPI);
        assertMean(sink, "hip-circumference-mean", HIP_62409_8, hipMean, "cm", CM, HIP_MEAN_PPI);
        // the fixture's numbers: 112/113, 48/49; waist 100.3 and 100.5 are closest; hip 98.8 lies midway (all three)
        assertThat(sink.measurement("blood-pressure-systolic-mean").get("value_as_number")).isEqualTo(112.5);
        assertThat(sink.measurement("blood-pressure-diastolic-mean").get("value_as_number")).isEqualTo(48.5);
        assertThat(sink.measurement("waist-circumference-mean").get("value_as_number")).isEqualTo(100.4);
        assertThat(sink.measurement("hip-circumference-mean").get("value_as_number")).isEqualTo(98.8);
        // one heart-rate reading only: it is reading 1, and the mean (readings 2 and 3) cannot be computed
        assertThat(sink.measurement("heart-rate-1").get("value_as_number")).isEqualTo(value(file, "heart-rate").doubleValue());
        assertThat(sink.hasMeasurement("heart-rate-mean")).isFalse();
    }

    @Test
    void ppscRemote_readsLikeTheSiteSession() throws IOException {
        assertThat(read("measurements-as-fhir-ppsc-remote.json").rows)
                .isEqualTo(read("measurements-as-fhir.json").rows);
    }

    @Test
    void alternate_twoBloodPressuresNoMean_twoHipsTheirMean() throws IOException {
        JsonNode file = substitutedTree("alternate-measurements-as-fhir.json");
        RecordingSink sink = read("alternate-measurements-as-fhir.json");

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.visits()).hasSize(1);
        assertThat(sink.sourceValues()).containsExactly(
                "blood-pressure-systolic-1", "blood-pressure-diastolic-1",
                "blood-pressure-systolic-2", "blood-pressure-diastolic-2",
                "height", "weight", "bmi", "heart-rate-1",
                "hip-circumference-1", "hip-circumference-2",
                "hip-circumference-mean");
        assertMean(sink, "hip-circumference-mean", HIP_62409_8,
                mean(value(file, "hip-circumference-1"), value(file, "hip-circumference-2")), "cm", CM, HIP_MEAN_PPI);
    }

    @Test
    void physicalMeasurements2_qualitativeAndProgramOnlyCodes() throws IOException {
        RecordingSink sink = read("physical_measurements_2.json");
        LocalDateTime session = LocalDateTime.of(2016, 9, 2, 20, 59, 41);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.visits()).singleElement().satisfies(v -> {
            assertThat(v.get("person_id")).isEqualTo(1000L);
            assertThat(v.get("visit_start_datetime")).isEqualTo(session);
        });
        assertThat(sink.sourceValues()).containsExactly(
                "blood-pressure-systolic-1", "blood-pressure-diastolic-1", "arm-circumference",
                "protocol-modifications-height", "height", "pre-pregnancy-weight", "weight",
                "protocol-modifications-weight", "bmi", "heart-rate-1", "heart-rhythm-status",
                "hip-circumference-1", "waist-circumference-1", "protocol-modifications-waist-circumference",
                "66174-4", "wheelchair-bound-status",
                "waist-circumference-mean", "hip-circumference-mean");
        assertAnswer(sink.measurement("66174-4"), "LA33-6", ANSWER_LA33_6);
        assertThat(sink.measurement("66174-4").get("measurement_source_concept_id")).isEqualTo(0);
        assertAnswer(sink.measurement("wheelchair-bound-status"), "Wheelchair-bound", 0);
        assertAnswer(sink.measurement("heart-rhythm-status"), "no-irregularity-detected", NO_IRREGULARITY);
        assertAnswer(sink.measurement("protocol-modifications-height"), "hair-style", 0);
        assertThat(sink.measurement("pre-pregnancy-weight").get("measurement_source_concept_id"))
                .isEqualTo(PRE_PREGNANCY_WEIGHT_PPI);
        assertThat(sink.measurement("pre-pregnancy-weight").get("measurement_concept_id")).isEqualTo(0);
        assertThat(sink.measurement("arm-circumference").get("value_as_number")).isEqualTo(32.0);
        // readings carry their own effective time, the computed means the session time
        assertThat(sink.measurement("height").get("measurement_datetime")).isEqualTo(AUTHORED_UTC);
        assertThat(sink.measurement("hip-circumference-mean").get("measurement_datetime")).isEqualTo(session);
        assertThat(sink.measurement("hip-circumference-mean").get("value_as_number")).isEqualTo(99.1);
        assertThat(sink.measurement("waist-circumference-mean").get("value_as_number")).isEqualTo(100.3);
    }

    @Test
    void everyFile_bundlesGiveSessionsAndOtherResourcesNothing() throws IOException {
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(payloads)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString();
                RecordingSink sink = read(name);
                assertThat(sink.quarantined).as(name).isEmpty();
                if ("Bundle".equals(substitutedTree(name).path("resourceType").asText())) {
                    bundles.add(name);
                    assertThat(sink.visits()).as(name).hasSize(1);
                    assertThat(sink.measurements()).as(name).isNotEmpty();
                } else {
                    assertThat(sink.rows).as(name).isEmpty();
                }
            }
        }
        assertThat(bundles).contains("measurements-as-fhir.json", "alternate-measurements-as-fhir.json",
                "measurements-as-fhir-ppsc-remote.json", "physical_measurements_2.json");
    }

    private RecordingSink read(String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, substituted(name), StandardCharsets.UTF_8);
        RecordingSink sink = new RecordingSink();
        new PhysicalMeasurementReader(PmVocabulary.build()).read(file, sink);
        return sink;
    }

    private String substituted(String name) throws IOException {
        String text = Files.readString(payloads.resolve(name), StandardCharsets.UTF_8);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            assertThat(PLACEHOLDERS).as("placeholder in %s", name).containsKey(key);
            m.appendReplacement(out, Matcher.quoteReplacement(PLACEHOLDERS.get(key)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode substitutedTree(String name) throws IOException {
        return JSON.readTree(substituted(name));
    }

    /** The Observation whose fullUrl is {@code urn:example:<id>}. */
    private static JsonNode observation(JsonNode bundle, String id) {
        for (JsonNode e : bundle.path("entry")) {
            if (e.path("fullUrl").asText().equals("urn:example:" + id)) {
                return e.path("resource");
            }
        }
        throw new AssertionError("no entry " + id);
    }

    private static BigDecimal value(JsonNode bundle, String id) {
        return observation(bundle, id).path("valueQuantity").path("value").decimalValue();
    }

    private static BigDecimal component(JsonNode bundle, String id, String loinc) {
        for (JsonNode c : observation(bundle, id).path("component")) {
            if (c.path("code").path("coding").get(0).path("code").asText().equals(loinc)) {
                return c.path("valueQuantity").path("value").decimalValue();
            }
        }
        throw new AssertionError("no component " + loinc + " in " + id);
    }

    private static BigDecimal mean(BigDecimal... values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum.divide(BigDecimal.valueOf(values.length), 2, RoundingMode.HALF_UP);
    }

    /** The program's rule, written out independently: drop the value farther from the middle one, unless equidistant. */
    private static BigDecimal closestTwoMean(BigDecimal a, BigDecimal b, BigDecimal c) {
        List<BigDecimal> s = new ArrayList<>(List.of(a, b, c));
        s.sort(null);
        BigDecimal low = s.get(1).subtract(s.get(0));
        BigDecimal high = s.get(2).subtract(s.get(1));
        if (low.compareTo(high) < 0) {
            return mean(s.get(0), s.get(1));
        }
        if (low.compareTo(high) > 0) {
            return mean(s.get(1), s.get(2));
        }
        return mean(a, b, c);
    }

    private static void assertReading(RecordingSink sink, String source, int concept, BigDecimal value, String unit,
                                      int unitConcept, int sourceConcept) {
        Row r = sink.measurement(source);
        assertThat(r.get("measurement_concept_id")).as(source).isEqualTo(concept);
        assertThat(r.get("value_as_number")).as(source).isEqualTo(value.doubleValue());
        assertThat(r.get("unit_source_value")).as(source).isEqualTo(unit);
        assertThat(r.get("unit_concept_id")).as(source).isEqualTo(unitConcept);
        assertThat(r.get("measurement_source_concept_id")).as(source).isEqualTo(sourceConcept);
        assertThat(r.get("value_as_concept_id")).as(source).isNull();
    }

    private static void assertMean(RecordingSink sink, String source, int concept, BigDecimal value, String unit,
                                   int unitConcept, int sourceConcept) {
        assertReading(sink, source, concept, value, unit, unitConcept, sourceConcept);
        assertThat(sink.measurement(source).get("value_source_value")).as(source).isNull();
    }

    private static void assertAnswer(Row r, String answer, int answerConcept) {
        assertThat(r.get("value_source_value")).isEqualTo(answer);
        assertThat(r.get("value_as_concept_id")).isEqualTo(answerConcept);
        assertThat(r.get("value_as_number")).isNull();
        assertThat(r.get("unit_concept_id")).isNull();
    }
}
