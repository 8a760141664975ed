package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.generator.Planted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The README's main command: the default configuration builds sample-data/ (outputs redirected to a temp folder). */
class SampleDataBuildTest {
    static Path tmp;
    static Path release;
    static Planted planted;

    @BeforeAll
    static void build() throws Exception {
        planted = WorkLayout.readJson(TestFiles.repoRoot().resolve("sample-data/planted.json"), Planted.class);
        tmp = SampleRelease.root(); // the build of the README's command, shared with other tests that read it
        release = tmp.resolve("releases/v1/controlled");
    }

    @Test
    void duckDbSeesExactlyTheManifestRowCounts_andThePlantedOutcome() throws Exception {
        JsonNode manifest = WorkLayout.JSON.readTree(release.resolve("manifest.json").toFile());
        try (Duck duck = new Duck()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("tables").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String folder = e.getValue().get("group").asText().equals("wearables") ? "wearables" : "omop";
                long rows = duck.count("select count(*) from '" + release.resolve(folder).resolve(e.getKey()) + "/*.parquet'");
                assertThat(rows).as(e.getKey()).isEqualTo(e.getValue().get("row_count").asLong());
            }
        }
        for (String table : List.of("person", "visit_occurrence", "condition_occurrence", "drug_exposure",
                "procedure_occurrence", "measurement", "death", "note")) {
            assertThat(manifest.get("tables").get(table).get("row_count").asLong()).as(table)
                    .isEqualTo(planted.expectedPublished("controlled", table));
        }
    }

    @Test
    void eachTiersLedger_matchesThePlantedManifest() throws Exception {
        for (String tier : PlantedLedger.TIERS) {
            Ledger ledger = WorkLayout.readJson(tmp.resolve("releases/v1").resolve(tier).resolve("qa/ledger.json"),
                    Ledger.class);
            PlantedLedger.assertMatches(planted, tier, ledger);
        }
    }

    @Test
    void icd10CodedConditions_carryTheirSnomedStandardConcept() {
        try (Duck duck = new Duck()) {
            String co = "'" + release.resolve("omop/condition_occurrence") + "/*.parquet'";
            assertThat(duck.rows("select distinct condition_concept_id, condition_source_concept_id from " + co
                    + " where condition_source_value = 'I10'")).containsExactly(List.of(320128, 35207668));
            assertThat(duck.count("select count(*) from " + co + " where condition_source_value = 'I10'")).isPositive();
            // every published condition has a standard concept or 0 (never an unknown id)
            String concept = "'" + release.resolve("omop/concept") + "/*.parquet'";
            assertThat(duck.count("select count(*) from " + co + " c where condition_concept_id <> 0 and not exists "
                    + "(select 1 from " + concept + " k where k.concept_id = c.condition_concept_id and k.standard_concept = 'S')"))
                    .isZero();
        }
    }

    @Test
    void versionAndHelp() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true));
        try {
            assertThat(Cdr.execute("--version")).isZero();
            assertThat(Cdr.execute("--help")).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString()).contains("cdr-builder 0.1.0").contains("build").contains("validate")
                .contains("generate").contains("Exit codes");
    }
}
