package org.cdrbuilder.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The whole pipeline on a hand-written drop whose every outcome is known. */
class MiniDropPipelineTest {
    @TempDir
    static Path tmp;
    static Path release;
    static Duck duck;

    @BeforeAll
    static void build() throws Exception {
        BuildContext ctx = new BuildContext(MiniDrop.settings(tmp));
        new LocalStageRunner(ctx).run(Pipeline.stages(ctx.settings()).toArray(new org.cdrbuilder.core.stage.Stage[0]));
        release = tmp.resolve("releases/v1/controlled");
        duck = new Duck();
    }

    /** A published table, with research ids turned back into the drop's participant numbers. */
    private static String t(String table) {
        if (org.cdrbuilder.schema.CdrSchema.get().table(table).hasColumn("person_id")) {
            return Duck.withParticipantNumbers(release.resolve("omop").resolve(table), tmp.resolve("private"));
        }
        return "'" + release.resolve("omop").resolve(table) + "/*.parquet'";
    }

    @Test
    void conditions_keepOnlyConsentingRegisteredParticipants_andMapSourceCodes() {
        List<List<Object>> rows = duck.rows("select condition_occurrence_id, person_id, condition_concept_id, "
                + "condition_source_concept_id, visit_occurrence_id, provider_id from " + t("condition_occurrence")
                + " order by 1");
        // ids are per table from 1, in unit order, and published as 32-bit integers (OMOP CDM 5.4): staged rows
        // 1,2,4,5,6 get ids 1..5; the site's first visit is visit 1
        assertThat(rows).containsExactly(
                java.util.Arrays.asList(1, 1001L, 320128, 35207668, 1, null),
                java.util.Arrays.asList(2, 1001L, 201826, null, null, null));
    }

    @Test
    void ext_carriesTheMaskedSiteLabel() {
        assertThat(duck.rows("select distinct src_id from " + t("condition_occurrence_ext")))
                .containsExactly(List.of("EHR site 101"));
    }

    @Test
    void visits_duplicateLocalIdIsQuarantined_unknownParticipantAndNoEhrConsentRemoved() {
        // 1002 has ehr_consent = no: the EHR visit goes, the person stays
        assertThat(duck.rows("select visit_occurrence_id, person_id, cast(visit_start_datetime as varchar) from "
                + t("visit_occurrence") + " order by 1")).containsExactly(List.of(1, 1001L, "2020-01-10 09:30:00"));
    }

    @Test
    void person_comesFromRegistry_withYearOfBirthOnly() {
        assertThat(duck.rows("select person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth, "
                + "birth_datetime, person_source_value from " + t("person") + " order by 1")).containsExactly(
                java.util.Arrays.asList(1001L, 8532, 1970, null, null, null, null),
                java.util.Arrays.asList(1002L, 0, 1980, null, null, null, null));
    }

    @Test
    void observationPeriod_spansEachPersonsEvents() {
        assertThat(duck.rows("select person_id, cast(observation_period_start_date as varchar), "
                + "cast(observation_period_end_date as varchar) from " + t("observation_period") + " order by 1"))
                .containsExactly(List.of(1001L, "2019-12-01", "2020-03-31"));
    }

    @Test
    void suppressedTables_arePublishedEmpty() {
        assertThat(duck.count("select count(*) from " + t("note"))).isZero();
        assertThat(Files.isDirectory(release.resolve("omop/note"))).isTrue();
    }

    @Test
    void manifest_rowCountsMatchWhatDuckDbReads() throws Exception {
        JsonNode manifest = WorkLayout.JSON.readTree(release.resolve("manifest.json").toFile());
        assertThat(manifest.get("version").asText()).isEqualTo("v1");
        assertThat(manifest.get("vocabulary_version").asText()).isEqualTo("v5.0 TEST");
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : iterable(manifest.get("tables").fields())) {
            String folder = e.getValue().get("group").asText().equals("wearables") ? "wearables" : "omop";
            long counted = duck.count("select count(*) from '" + release.resolve(folder).resolve(e.getKey()) + "/*.parquet'");
            assertThat(counted).as(e.getKey()).isEqualTo(e.getValue().get("row_count").asLong());
            for (JsonNode f : e.getValue().get("files")) {
                assertThat(org.cdrbuilder.core.io.Fingerprint.sha256(release.resolve(f.get("path").asText())))
                        .isEqualTo(f.get("sha256").asText());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(manifest.get("tables").get("condition_occurrence").get("row_count").asLong()).isEqualTo(2);
    }

    @Test
    void ledger_accountsForEverySourceRow() throws Exception {
        Ledger ledger = WorkLayout.readJson(release.resolve("qa/ledger.json"), Ledger.class);
        Ledger.Entry c = ledger.tables.get("condition_occurrence");
        assertThat(c.source).isEqualTo(6);
        assertThat(c.quarantined).isEqualTo(1);
        assertThat(c.removed).containsEntry("clean/no_primary_consent", 1L)
                .containsEntry("clean/withdrawn_participants", 1L)
                .containsEntry("clean/participant_not_in_registry", 1L);
        assertThat(c.published).isEqualTo(2);
        Ledger.Entry person = ledger.tables.get("person");
        assertThat(person.source).isEqualTo(6); // 5 registry rows + 1 EHR person row
        assertThat(person.quarantined).isEqualTo(1);
        assertThat(person.published).isEqualTo(2);
        assertThat(ledger.reconciled()).as("every table reconciles").isTrue();
    }

    @Test
    void inputValidation_namesFileLineFieldAndReason_withoutValues() throws Exception {
        String json = Files.readString(release.resolve("qa/input-validation.json"));
        JsonNode v = WorkLayout.JSON.readTree(json);
        JsonNode ehr = null;
        for (JsonNode s : v.get("sources")) {
            if (s.get("kind").asText().equals("ehr")) {
                ehr = s;
            }
        }
        assertThat(ehr.get("site").asText()).isEqualTo("EHR site 101");
        JsonNode cond = null;
        for (JsonNode f : ehr.get("files")) {
            if (f.get("table").asText().equals("condition_occurrence")) {
                cond = f;
            }
        }
        assertThat(cond.get("file").asText()).isEqualTo("ehr/EHR site 101/2024-01-01-v2/condition_occurrence.csv");
        assertThat(cond.get("examples").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(cond.get("examples").get(0).get("field").asText()).isEqualTo("condition_start_date");
        assertThat(json).doesNotContain("2020-13-45").doesNotContain("site_a").doesNotContain("X12");
        assertThat(json).contains("superseded by a later submission").contains("pii_name.csv");
    }

    @Test
    void noRegistryIdentifierOrFreeTextReachesTheRelease() throws Exception {
        try (Stream<Path> files = Files.walk(release)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : List.of("Alice", "Zebulon", "alice@example.org", "555-0101", "1 Main St", "MRN-0001")) {
                    assertThat(content).as(f + " contains " + secret).doesNotContain(secret);
                }
            }
        }
        assertThat(release.resolve("omop/_id_mapping")).doesNotExist();
        assertThat(tmp.resolve("private/v1/id_mapping")).isNotEmptyDirectory();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
