package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.generator.CleanRules;
import org.cdrbuilder.generator.Planted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated drop with planted problems, built end to end for both tiers: each tier's ledger must match what the
 * generator planted, every rule must have planted rows, and no planted identifier may reach a release.
 */
class GeneratedDropTest {
    @TempDir
    static Path tmp;
    static Planted planted;
    static final Map<String, Ledger> ledgers = new TreeMap<>();
    static Path release;

    @BeforeAll
    static void build() throws Exception {
        Path gen = tmp.resolve("gen");
        assertThat(Cdr.execute(generate(gen))).isZero();
        planted = WorkLayout.readJson(gen.resolve("planted.json"), Planted.class);
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"), "v1",
                List.of("tiers: [registered, controlled]"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        for (String tier : PlantedLedger.TIERS) {
            ledgers.put(tier, WorkLayout.readJson(tmp.resolve("releases/v1").resolve(tier).resolve("qa/ledger.json"),
                    Ledger.class));
        }
        release = tmp.resolve("releases/v1/controlled");
    }

    /** 400 participants; a tenth with two days of Fitbit data keeps the build of both tiers quick. */
    private static String[] generate(Path out) {
        return new String[] {"generate", "--participants", "400", "--seed", "7", "--fitbit-days", "2",
            "--fitbit-share", "0.1", "--out", out.toString()};
    }

    @Test
    void generator_isDeterministicForASeed() throws Exception {
        Path again = tmp.resolve("again");
        assertThat(Cdr.execute(generate(again))).isZero();
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
    void everyTable_ofEachTier_matchesThePlantedManifest() {
        for (String tier : PlantedLedger.TIERS) {
            PlantedLedger.assertMatches(planted, tier, ledgers.get(tier));
        }
        assertThat(planted.removed).containsKeys("clean/withdrawn_participants", "clean/no_primary_consent",
                "clean/participant_not_in_registry");
        assertThat(planted.quarantined.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void everyRule_hasPlantedRows_andTheGeneratorKnowsTheEngineOrder() {
        List<String> engineOrder = RuleEngine.of(RuleEngine.discover().stream().filter(r -> r.info().allTiers())
                .toList()).rules().stream().map(r -> r.info().id()).toList();
        assertThat(CleanRules.ORDER).as("generator's CleanRules.ORDER").isEqualTo(engineOrder);
        PlantedLedger.assertEveryRulePlanted(planted);
    }

    @Test
    void plantedIdentifiers_areInTheDrop_butInNoRelease() {
        for (String tier : PlantedLedger.TIERS) {
            Map<String, Long> rows = planted.tiers.get(tier).changedAtLeast.get("privacy/free_text_suppressed");
            assertThat(rows).as(tier + " rows with planted identifiers").containsKeys("observation",
                    "condition_occurrence");
        }
        try (Duck duck = new Duck()) {
            Set<String> identifiers = new HashSet<>();
            for (List<Object> r : duck.rows("select phone, email, street_address, first_name || ' ' || last_name "
                    + "from read_csv('" + tmp.resolve("gen/drop/participants/participants.csv") + "', all_varchar = true)")) {
                r.forEach(v -> identifiers.add((String) v));
            }
            // the drop holds them (EHR source values, survey free text)...
            assertThat(rowsWithIdentifiers(duck, "read_csv('" + tmp.resolve("gen/drop/ehr")
                    + "/*/*/condition_occurrence.csv', union_by_name = true, all_varchar = true)", identifiers))
                    .isPositive();
            // ...no release does, in any text column
            for (String tier : PlantedLedger.TIERS) {
                for (String table : List.of("omop/observation", "omop/condition_occurrence", "omop/person",
                        "omop/visit_occurrence", "omop/measurement", "omop/survey_conduct", "omop/drug_exposure")) {
                    String t = "'" + tmp.resolve("releases/v1").resolve(tier).resolve(table) + "/*.parquet'";
                    assertThat(rowsWithIdentifiers(duck, t, identifiers))
                            .as(tier + " " + table + " rows holding a registry identifier").isZero();
                }
            }
        }
    }

    /** Rows of a table with a registry identifier (phone, email, street address, full name) in a text column. */
    private static long rowsWithIdentifiers(Duck duck, String table, Set<String> identifiers) {
        List<String> text = duck.rows("select column_name from (describe select * from " + table + ") "
                + "where column_type = 'VARCHAR'").stream().map(r -> "coalesce(\"" + r.get(0) + "\", '')").toList();
        int[] lengths = identifiers.stream().mapToInt(String::length).distinct().toArray();
        long n = 0;
        for (List<Object> r : duck.rows("select " + String.join(" || '|' || ", text) + " from " + table)) {
            String s = (String) r.get(0);
            boolean found = false;
            for (int i = 0; i < s.length() && !found; i++) {
                if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                    continue;
                }
                for (int len : lengths) {
                    if (i + len <= s.length() && identifiers.contains(s.substring(i, i + len))) {
                        found = true;
                        break;
                    }
                }
            }
            n += found ? 1 : 0;
        }
        return n;
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
            assertThat(duck.count("select count(*) from " + person)).isEqualTo(planted.expectedPublished("controlled", "person"));
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
