package org.cdrbuilder.steps.ingest.pm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cdrbuilder.steps.ingest.pm.PmJson.bloodPressure;
import static org.cdrbuilder.steps.ingest.pm.PmJson.bundle;
import static org.cdrbuilder.steps.ingest.pm.PmJson.bundleWithId;
import static org.cdrbuilder.steps.ingest.pm.PmJson.code;
import static org.cdrbuilder.steps.ingest.pm.PmJson.composition;
import static org.cdrbuilder.steps.ingest.pm.PmJson.observation;
import static org.cdrbuilder.steps.ingest.pm.PmJson.quantity;
import static org.cdrbuilder.steps.ingest.pm.PmJson.valueQuantity;
import static org.cdrbuilder.steps.ingest.pm.PmVocabulary.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.ingest.pm.RecordingSink.Quarantined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payloads written here: R4 sessions, imperial units, and every kind of bad input with its exact quarantine. */
class PhysicalMeasurementReaderTest {
    static final String SESSION = composition("Patient/P42", "2021-05-06T07:08:09Z");
    static final LocalDateTime SESSION_TIME = LocalDateTime.of(2021, 5, 6, 7, 8, 9);

    @TempDir
    Path tmp;

    @Test
    void imperialUnits_convertToCmAndKgWithTwoDecimalsHalfUp() throws IOException {
        RecordingSink sink = readJson(bundle(SESSION,
                quantity("8302-2", "height", "60.75", "[in_i]"),
                quantity("29463-7", "weight", "150", "[lb_av]"),
                quantity("8302-2", null, "70.0", "in"),
                quantity("29463-7", null, "200", "lb")));

        assertThat(sink.quarantined).isEmpty();
        List<Row> m = sink.measurements();
        // 60.75 in = 154.305 cm exactly: half up gives 154.31 (half even or double arithmetic would not)
        assertConverted(m.get(0), "height", HEIGHT, 154.31, "cm", CM, "60.75 [in_i]", HEIGHT_PPI);
        // 150 lb = 68.0388555 kg
        assertConverted(m.get(1), "weight", WEIGHT, 68.04, "kg", KG, "150 [lb_av]", WEIGHT_PPI);
        assertConverted(m.get(2), "height", HEIGHT, 177.8, "cm", CM, "70.0 in", HEIGHT_PPI);
        // 200 lb = 90.718474 kg
        assertConverted(m.get(3), "weight", WEIGHT, 90.72, "kg", KG, "200 lb", WEIGHT_PPI);
    }

    @Test
    void r4Session_readingsComponentsAndMeans() throws IOException {
        RecordingSink sink = readJson(bundle(composition("Patient/P7", "2022-01-02T03:04:05+02:00"),
                bloodPressure("blood-pressure-1", "131", "85"),
                bloodPressure("blood-pressure-2", "121", "79"),
                bloodPressure("blood-pressure-3", "119", "80"),
                quantity("8867-4", "heart-rate-1", "80", "/min"),
                observation(code("8867-4", "heart-rate-2"), valueQuantity("71", "/min"),
                        "\"component\":[{" + code(null, "heart-rhythm-status") + ",\"valueCodeableConcept\":{\"coding\":"
                                + "[{\"system\":\"http://terminology.pmi-ops.org/CodeSystem/heart-rhythm-status\","
                                + "\"code\":\"no-irregularity-detected\"}]}}]"),
                observation(code("8867-4", "heart-rate-3"), valueQuantity("74", "/min"),
                        "\"effectiveDateTime\":\"2022-01-02T01:10:00Z\""),
                quantity("56086-2", "waist-circumference-1", "34", "[in_i]"),
                quantity("56086-2", "waist-circumference-2", "34.5", "[in_i]"),
                quantity("56086-2", "waist-circumference-3", "36", "[in_i]")));
        LocalDateTime session = LocalDateTime.of(2022, 1, 2, 1, 4, 5);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.visits()).singleElement().satisfies(v -> {
            assertThat(v.get("person_id")).isEqualTo(7L);
            assertThat(v.get("visit_start_datetime")).isEqualTo(session);
        });
        assertThat(sink.sourceValues()).containsExactly(
                "blood-pressure-systolic-1", "blood-pressure-diastolic-1",
                "blood-pressure-systolic-2", "blood-pressure-diastolic-2",
                "blood-pressure-systolic-3", "blood-pressure-diastolic-3",
                "heart-rate-1", "heart-rate-2", "heart-rhythm-status", "heart-rate-3",
                "waist-circumference-1", "waist-circumference-2", "waist-circumference-3",
                "blood-pressure-systolic-mean", "blood-pressure-diastolic-mean", "heart-rate-mean",
                "waist-circumference-mean");
        assertThat(sink.measurement("heart-rate-mean")).isEqualTo(new Row(CdrSchema.get().table("measurement"))
                .set("measurement_id", 15L)
                .set("person_id", 7L)
                .set("measurement_concept_id", HEART_RATE)
                .set("measurement_date", LocalDate.of(2022, 1, 2))
                .set("measurement_datetime", session)
                .set("measurement_type_concept_id", 44818701)
                .set("value_as_number", 72.5)
                .set("unit_concept_id", PER_MIN)
                .set("unit_source_value", "/min")
                .set("visit_occurrence_id", 0L)
                .set("measurement_source_value", "heart-rate-mean")
                .set("measurement_source_concept_id", HEART_RATE_MEAN_PPI));
        assertThat(sink.measurement("blood-pressure-systolic-mean").get("value_as_number")).isEqualTo(120.0);
        assertThat(sink.measurement("blood-pressure-diastolic-mean").get("value_as_number")).isEqualTo(79.5);
        // 34, 34.5, 36 in = 86.36, 87.63, 91.44 cm; the closest two average 86.995, half up 87.00
        assertThat(sink.measurement("waist-circumference-2").get("value_as_number")).isEqualTo(87.63);
        assertThat(sink.measurement("waist-circumference-mean").get("value_as_number")).isEqualTo(87.0);
        assertThat(sink.measurement("waist-circumference-mean").get("measurement_concept_id")).isEqualTo(WAIST_56086_2);
        assertThat(sink.measurement("heart-rhythm-status").get("value_as_concept_id")).isEqualTo(NO_IRREGULARITY);
        assertThat(sink.measurement("heart-rate-3").get("measurement_datetime")).isEqualTo(LocalDateTime.of(2022, 1, 2, 1, 10));
        assertThat(sink.measurement("heart-rate-2").get("measurement_datetime")).isEqualTo(session);
    }

    @Test
    void suppliedMean_isKeptAsWrittenAndNotComputedAgain() throws IOException {
        RecordingSink sink = readJson(bundle(SESSION,
                quantity("8867-4", "heart-rate-2", "71", "/min"),
                quantity("8867-4", "heart-rate-3", "74", "/min"),
                quantity("8867-4", "heart-rate-mean", "70", "/min")));

        assertThat(sink.sourceValues()).containsExactly("heart-rate-2", "heart-rate-3", "heart-rate-mean");
        assertThat(sink.measurement("heart-rate-mean").get("value_as_number")).isEqualTo(70.0);
        assertThat(sink.measurement("heart-rate-mean").get("measurement_source_concept_id")).isEqualTo(HEART_RATE_MEAN_PPI);
    }

    @Test
    void missingSubject_quarantinesTheVisitAndEveryObservation() throws IOException {
        RecordingSink sink = readJson(bundle(composition(null, "2021-05-06T07:08:09Z"),
                quantity("8302-2", "height", "170", "cm"),
                bloodPressure("blood-pressure-1", "120", "80")));

        Violation v = new Violation("subject", "session is unusable: no subject", null);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).containsExactly(
                new Quarantined("visit_occurrence", null, "/entry/0/resource", v),
                new Quarantined("measurement", null, "/entry/1/resource", v),
                new Quarantined("measurement", null, "/entry/2/resource", v));
    }

    @Test
    void unusableSessionTimeOrSubject_quarantinedWithReasonsThatOmitTheValue() throws IOException {
        String height = quantity("8302-2", "height", "170", "cm");
        assertThat(readJson(bundle(composition("Patient/P42", null), height)).quarantined).containsExactly(
                new Quarantined("visit_occurrence", null, "/entry/0/resource",
                        new Violation("date", "session is unusable: no session time", null)),
                new Quarantined("measurement", null, "/entry/1/resource",
                        new Violation("date", "session is unusable: no session time", null)));

        Violation badTime = readJson(bundle(composition("Patient/P42", "yesterday"), height)).quarantined.get(0).violation();
        assertThat(badTime).isEqualTo(new Violation("date", "session is unusable: the session time is not a datetime "
                + "(expected YYYY-MM-DD[ HH:MM:SS[.ffffff]][ UTC|Z|+HH:MM])", "yesterday"));

        Violation badSubject = readJson(bundle(composition("Patient/ABC", "2021-05-06"), height)).quarantined.get(0).violation();
        assertThat(badSubject).isEqualTo(new Violation("subject",
                "session is unusable: the subject is not a participant reference", "Patient/ABC"));
        assertThat(badSubject.reason()).doesNotContain("ABC");
    }

    @Test
    void unitsThatCannotBeConverted_quarantineTheReading_knownSpellingsAreRead() throws IOException {
        RecordingSink sink = readJson(bundle(SESSION,
                quantity("8302-2", "height", "0.008", "[fur_us]"),
                quantity("29463-7", "weight", "70", "g"),
                quantity("8867-4", "heart-rate-1", "70", "bpm"),
                quantity("8302-2", "height", "170", "cm")));

        assertThat(sink.quarantined).containsExactly(
                new Quarantined("measurement", null, "/entry/1/resource", new Violation("valueQuantity.code",
                        "unit [fur_us] cannot be converted to cm (height)", "[fur_us]")),
                new Quarantined("measurement", null, "/entry/2/resource", new Violation("valueQuantity.code",
                        "unit g cannot be converted to kg (weight)", "g")));
        assertThat(sink.measurements()).extracting(r -> r.get("measurement_source_value"), r -> r.get("unit_source_value"))
                .containsExactly(tuple("heart-rate-1", "/min"), tuple("height", "cm"));
    }

    @Test
    void missingValueOrUnit_quarantinesThatMeasurementOnly() throws IOException {
        RecordingSink sink = readJson(bundle(SESSION,
                quantity("8302-2", "height", null, "cm"),
                observation(code("29463-7", "weight")),
                quantity("39156-5", "bmi", "24.2", null),
                bloodPressure("blood-pressure-1", "120", "null"),
                quantity("8867-4", "heart-rate-1", "\"fast\"", "/min"),
                quantity("8867-4", "heart-rate-2", "70", "/min")));

        assertThat(sink.quarantined).containsExactly(
                new Quarantined("measurement", null, "/entry/1/resource",
                        new Violation("valueQuantity.value", "the reading has no numeric value", null)),
                new Quarantined("measurement", null, "/entry/2/resource",
                        new Violation("valueQuantity", "the reading has no numeric value", null)),
                new Quarantined("measurement", null, "/entry/3/resource",
                        new Violation("valueQuantity.code", "the reading has no unit", null)),
                new Quarantined("measurement", null, "/entry/4/resource/component/1",
                        new Violation("valueQuantity.value", "the reading has no numeric value", null)),
                new Quarantined("measurement", null, "/entry/5/resource",
                        new Violation("valueQuantity.value", "the reading value is not a finite number", "fast")));
        assertThat(sink.visits()).hasSize(1);
        // quarantined readings take no ids; heart-rate-2 is still reading 2
        assertThat(sink.measurements()).extracting(r -> r.get("measurement_source_value"), r -> r.get("measurement_id"))
                .containsExactly(tuple("blood-pressure-systolic-1", 0L),
                        tuple("heart-rate-2", 1L));
    }

    @Test
    void observationProblems_quarantinedOneByOne() throws IOException {
        RecordingSink sink = readJson(bundle(SESSION,
                observation(code("8302-2", "height"), valueQuantity("170", "cm"), "\"subject\":{\"reference\":\"Patient/P999\"}"),
                observation(code("29463-7", "weight"), valueQuantity("70", "kg"), "\"status\":\"entered-in-error\""),
                observation(code("39156-5", "bmi"), valueQuantity("24", "kg/m2"), "\"effectiveDateTime\":\"soon\""),
                observation(code(null, "notes"), "\"valueString\":\"left early\""),
                observation("\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"50373000\"}]}",
                        valueQuantity("170", "cm"))));

        assertThat(sink.measurements()).isEmpty();
        assertThat(sink.quarantined).containsExactly(
                new Quarantined("measurement", null, "/entry/1/resource", new Violation("subject",
                        "the observation's subject is not the session's participant", "Patient/P999")),
                new Quarantined("measurement", null, "/entry/2/resource", new Violation("status",
                        "the observation was entered in error or cancelled", "entered-in-error")),
                new Quarantined("measurement", null, "/entry/3/resource", new Violation("effective[x]",
                        "the effective time is not a datetime (expected YYYY-MM-DD[ HH:MM:SS[.ffffff]][ UTC|Z|+HH:MM])", null)),
                new Quarantined("measurement", null, "/entry/4/resource", new Violation("valueString",
                        "this observation value type is not supported", null)),
                new Quarantined("measurement", null, "/entry/5/resource", new Violation("code",
                        "the observation has no LOINC or physical-measurement code", null)));
    }

    @Test
    void brokenNdjsonLine_quarantinedWithItsLineWhileOtherLinesAreRead() throws IOException {
        String broken = "{\"resourceType\":\"Bundle\",\"entry\":[";
        Path file = TestFiles.write(tmp.resolve("pm.ndjson"),
                bundle(composition("Patient/P1", "2021-01-01T00:00:00Z"), quantity("8302-2", "height", "170", "cm")),
                broken,
                "",
                bundle(composition("Patient/P2", "2021-01-02T00:00:00Z"), quantity("8302-2", "height", "171", "cm"),
                        quantity("29463-7", "weight", null, "kg")),
                "[1,2]",
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}");
        RecordingSink sink = read(file);

        assertThat(sink.quarantined).containsExactly(
                new Quarantined("visit_occurrence", 2L, null,
                        new Violation(null, "the line is not valid JSON (column 35)", broken)),
                new Quarantined("measurement", 4L, "/entry/2/resource",
                        new Violation("valueQuantity.value", "the reading has no numeric value", null)),
                new Quarantined("visit_occurrence", 5L, null, new Violation(null, "the line is not a JSON object", "[1,2]")));
        assertThat(sink.visits()).extracting(v -> v.get("person_id"), v -> v.get("visit_occurrence_id"))
                .containsExactly(tuple(1L, 0L), tuple(2L, 1L));
        assertThat(sink.measurements()).extracting(m -> m.get("person_id"), m -> m.get("visit_occurrence_id"))
                .containsExactly(tuple(1L, 0L), tuple(2L, 1L));
    }

    @Test
    void gzippedNdjson_isReadLikePlain() throws IOException {
        Path file = tmp.resolve("pm.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((bundle(SESSION, quantity("8302-2", "height", "170", "cm")) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(file).sourceValues()).containsExactly("height");
    }

    @Test
    void bundleOfBundles_oneVisitPerSessionAndNestedPointers() throws IOException {
        String outer = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":" + bundle(composition("Patient/P1", "2021-01-01T00:00:00Z"),
                        quantity("8302-2", "height", "170", "cm")) + "},"
                + "{\"resource\":" + bundle(composition("Patient/P2", "2021-01-02T00:00:00Z"),
                        quantity("29463-7", "weight", null, "kg"), quantity("29463-7", "weight", "80", "kg")) + "}]}";
        RecordingSink sink = readJson(outer);

        assertThat(sink.visits()).extracting(v -> v.get("person_id")).containsExactly(1L, 2L);
        assertThat(sink.measurements()).extracting(m -> m.get("person_id"), m -> m.get("visit_occurrence_id"))
                .containsExactly(tuple(1L, 0L), tuple(2L, 1L));
        assertThat(sink.quarantined).containsExactly(new Quarantined("measurement", null, "/entry/1/resource/entry/1/resource",
                new Violation("valueQuantity.value", "the reading has no numeric value", null)));
    }

    @Test
    void brokenJsonFile_quarantinedWithTheLineOfTheError() throws IOException {
        RecordingSink sink = read(TestFiles.write(tmp.resolve("pm.json"), "{\"resourceType\":\"Bundle\",", "\"entry\": [}"));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).containsExactly(new Quarantined("visit_occurrence", 2L, null,
                new Violation(null, "the file is not valid JSON (column 11)", null)));
    }

    @Test
    void cancelledSession_quarantinedWhole() throws IOException {
        String cancelled = "{\"resourceType\":\"Composition\",\"status\":\"entered-in-error\","
                + "\"subject\":{\"reference\":\"Patient/P42\"},\"date\":\"2021-05-06\"}";
        Violation v = new Violation("status", "session is unusable: the session was entered in error", null);
        assertThat(readJson(bundle(cancelled, quantity("8302-2", "height", "170", "cm"))).quarantined).containsExactly(
                new Quarantined("visit_occurrence", null, "/entry/0/resource", v),
                new Quarantined("measurement", null, "/entry/1/resource", v));
    }

    @Test
    void visitSourceValue_isTheBundleIdWhenItFits() throws IOException {
        String height = quantity("8302-2", "height", "170", "cm");
        assertThat(readJson(bundleWithId("pm-2021-0042", SESSION, height)).visits().get(0).get("visit_source_value"))
                .isEqualTo("pm-2021-0042");
        assertThat(readJson(bundleWithId("x".repeat(51), SESSION, height)).visits().get(0).get("visit_source_value"))
                .isEqualTo("PM session");
    }

    @Test
    void otherFileTypes_areRefused() {
        assertThatThrownBy(() -> read(TestFiles.write(tmp.resolve("pm.csv"), "a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a .json or .ndjson file");
    }

    private static void assertConverted(Row r, String source, int concept, double value, String unit, int unitConcept,
                                        String asWritten, int sourceConcept) {
        assertThat(r.get("measurement_source_value")).isEqualTo(source);
        assertThat(r.get("measurement_concept_id")).isEqualTo(concept);
        assertThat(r.get("value_as_number")).isEqualTo(value);
        assertThat(r.get("unit_source_value")).isEqualTo(unit);
        assertThat(r.get("unit_concept_id")).isEqualTo(unitConcept);
        assertThat(r.get("value_source_value")).isEqualTo(asWritten);
        assertThat(r.get("measurement_source_concept_id")).isEqualTo(sourceConcept);
        assertThat(r.get("measurement_datetime")).isEqualTo(SESSION_TIME);
    }

    private RecordingSink readJson(String json) throws IOException {
        return read(TestFiles.write(tmp.resolve("pm.json"), json));
    }

    private static RecordingSink read(Path file) throws IOException {
        RecordingSink sink = new RecordingSink();
        new PhysicalMeasurementReader(PmVocabulary.build()).read(file, sink);
        return sink;
    }
}
