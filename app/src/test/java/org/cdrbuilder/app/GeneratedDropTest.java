package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.generator.Planted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated drop with planted problems, built end to end: the ledger must match what the generator planted. */
class GeneratedDropTest {
    @TempDir
    static Path tmp;
    static Planted planted;
    static Ledger ledger;
    static Path release;

    @BeforeAll
    static void build() throws Exception {
        Path gen = tmp.resolve("gen");
        assertThat(Cdr.execute("generate", "--participants", "400", "--seed", "7", "--fitbit-days", "2", "--out",
                gen.toString())).isZero();
        planted = WorkLayout.readJson(gen.resolve("planted.json"), Planted.class);
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        release = tmp.resolve("releases/v1/controlled");
        ledger = WorkLayout.readJson(release.resolve("qa/ledger.json"), Ledger.class);
    }

    @Test
    void generator_isDeterministicForASeed() throws Exception {
        Path again = tmp.resolve("again");
        assertThat(Cdr.execute("generate", "--participants", "400", "--seed", "7", "--fitbit-days", "2", "--out",
                again.toString())).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.walk(tmp.resolve("gen"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            Path other = again.resolve(tmp.resolve("gen").relativize(f));
            assertThat(Files.readAllBytes(other)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void everyTable_sourceQuarantineRemovalsAndPublishedMatchThePlantedManifest() {
        for (Map.Entry<String, Long> e : planted.generated.entrySet()) {
            String table = e.getKey();
            Ledger.Entry l = ledger.tables.get(table);
            assertThat(l.source).as(table + " source rows").isEqualTo(e.getValue());
            assertThat(l.quarantined).as(table + " quarantined").isEqualTo(planted.quarantined.getOrDefault(table, 0L));
            assertThat(l.published).as(table + " published").isEqualTo(planted.expectedPublished(table));
            planted.removed.forEach((rule, byTable) -> assertThat(l.removed.getOrDefault(rule, 0L))
                    .as(table + " removed by " + rule).isEqualTo(byTable.getOrDefault(table, 0L)));
            planted.changed.forEach((rule, byTable) -> assertThat(l.changed.getOrDefault(rule, 0L))
                    .as(table + " changed by " + rule).isEqualTo(byTable.getOrDefault(table, 0L)));
            assertThat(l.reconciled).as(table + " reconciles").isTrue();
        }
        assertThat(planted.removed).containsKeys("clean/withdrawn_participants", "clean/no_primary_consent",
                "clean/participant_not_in_registry");
        assertThat(planted.quarantined.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void samePersonIdInEveryTable_andEveryPersonIsPublished() {
        try (Duck duck = new Duck()) {
            String person = "'" + release.resolve("omop/person") + "/*.parquet'";
            for (String t : List.of("omop/visit_occurrence", "omop/condition_occurrence", "omop/drug_exposure",
                    "omop/measurement", "omop/procedure_occurrence", "omop/observation_period", "omop/observation",
                    "omop/survey_conduct", "wearables/heart_rate_minute_level", "wearables/steps_intraday",
                    "wearables/sleep_level", "wearables/activity_summary", "wearables/device")) {
                String table = "'" + release.resolve(t) + "/*.parquet'";
                assertThat(duck.count("select count(*) from " + table)).as(t + " has rows").isPositive();
                assertThat(duck.count("select count(*) from " + table + " x "
                        + "where not exists (select 1 from " + person + " p where p.person_id = x.person_id)"))
                        .as(t + " rows whose person is not published").isZero();
            }
            assertThat(duck.count("select count(*) from " + person)).isEqualTo(planted.expectedPublished("person"));
        }
    }

    @Test
    void surveys_answersPointToTheirResponse_andDemographicsComeFromTheBasics() {
        try (Duck duck = new Duck()) {
            String obs = "'" + release.resolve("omop/observation") + "/*.parquet'";
            String sc = "'" + release.resolve("omop/survey_conduct") + "/*.parquet'";
            String person = "'" + release.resolve("omop/person") + "/*.parquet'";
            String ext = "'" + release.resolve("omop/person_ext") + "/*.parquet'";
            assertThat(duck.count("select count(*) from " + obs + " o where questionnaire_response_id is null "
                    + "or not exists (select 1 from " + sc + " s where s.survey_conduct_id = o.questionnaire_response_id "
                    + "and s.person_id = o.person_id)")).isZero();
            assertThat(duck.count("select count(distinct survey_concept_id) from " + sc)).isEqualTo(7);
            assertThat(duck.count("select count(*) from " + obs + " where observation_type_concept_id <> 45905771")).isZero();
            // gender from the Gender_GenderIdentity answer agrees with sex at birth for most participants
            assertThat(duck.count("select count(*) from " + person + " p join " + ext + " e using (person_id) "
                    + "where (p.gender_concept_id = 8507 and e.sex_at_birth_concept_id = 1585846) "
                    + "or (p.gender_concept_id = 8532 and e.sex_at_birth_concept_id = 1585847)"))
                    .isGreaterThan(duck.count("select count(*) from " + person) * 8 / 10);
            assertThat(duck.count("select count(*) from " + person + " where race_concept_id = 2000000008")).isPositive();
            assertThat(duck.count("select count(*) from " + ext + " where state_of_residence_concept_id <> 0")).isPositive();
        }
    }

    @Test
    void physicalMeasurements_meansAndSessionVisits() {
        try (Duck duck = new Duck()) {
            String m = "'" + release.resolve("omop/measurement") + "/*.parquet'";
            String v = "'" + release.resolve("omop/visit_occurrence") + "/*.parquet'";
            long sessions = duck.count("select count(*) from " + v + " where visit_type_concept_id = 44818519");
            assertThat(sessions).isPositive();
            assertThat(duck.count("select count(*) from " + m + " where measurement_source_value = "
                    + "'blood-pressure-systolic-mean'")).isEqualTo(sessions);
            // the systolic mean is the mean of readings 2 and 3 of the same session
            assertThat(duck.count("select count(*) from " + m + " mean join " + m + " r2 using (visit_occurrence_id) join "
                    + m + " r3 using (visit_occurrence_id) where mean.measurement_source_value = 'blood-pressure-systolic-mean' "
                    + "and r2.measurement_source_value = 'blood-pressure-systolic-2' and r3.measurement_source_value = "
                    + "'blood-pressure-systolic-3' and abs(mean.value_as_number - (r2.value_as_number + r3.value_as_number) / 2) > 0.01"))
                    .isZero();
            assertThat(duck.count("select count(*) from " + m + " where measurement_type_concept_id = 44818701 "
                    + "and unit_source_value in ('[in_i]', '[lb_av]')")).isZero();
        }
    }

    @Test
    void conditionsCodedOnlyByIcd10_arePublishedWithTheirSnomedConcept() {
        try (Duck duck = new Duck()) {
            String co = "'" + release.resolve("omop/condition_occurrence") + "/*.parquet'";
            assertThat(duck.rows("select distinct condition_concept_id, condition_source_concept_id from " + co
                    + " where condition_source_value = 'I10'")).contains(List.of(320128, 35207668));
        }
    }
}
