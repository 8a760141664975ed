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
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * What loading into a database made with the official OHDSI CDM 5.4 DDL needs: every value of every published
     * table of both tiers has its changelog type (integer ids and concepts read as INTEGER) and fits it (32 bits,
     * VARCHAR lengths, NOT NULL).
     */
    @Test
    void everyPublishedValueOfBothTiers_hasTheChangelogsTypeAndFitsIt() throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> checked = new java.util.TreeSet<>();
        long values = 0;
        try (Duck duck = new Duck()) {
            for (String tier : PlantedLedger.TIERS) {
                Path dir = tmp.resolve("releases/v1").resolve(tier);
                JsonNode manifest = WorkLayout.JSON.readTree(dir.resolve("manifest.json").toFile());
                for (Iterator<String> it = manifest.get("tables").fieldNames(); it.hasNext(); ) {
                    TableDef t = CdrSchema.get().table(it.next());
                    Cdm54Conformance.Result r = Cdm54Conformance.check(duck, t,
                            dir.resolve(t.group().releaseFolder()).resolve(t.name()));
                    problems.addAll(r.problems().stream().map(p -> tier + ": " + p).toList());
                    values += r.values();
                    checked.add(t.name());
                }
            }
        }
        assertThat(problems).isEmpty();
        // the 22 tables of the official DDL the sample fills, and cdm_source
        assertThat(checked).contains("person", "observation_period", "visit_occurrence", "condition_occurrence",
                "drug_exposure", "procedure_occurrence", "device_exposure", "measurement", "observation", "death",
                "note", "location", "care_site", "provider", "concept", "vocabulary", "domain", "concept_class",
                "concept_relationship", "relationship", "concept_ancestor", "concept_synonym", "cdm_source",
                "survey_conduct", "person_ext", "steps_intraday");
        assertThat(values).isGreaterThan(1_000_000);
    }

    @Test
    void conformanceCheck_findsWhatTheOmopDdlRefuses(@TempDir Path dir) {
        TableDef concept = CdrSchema.get().table("concept");
        try (Duck duck = new Duck()) {
            Path bad = dir.resolve("concept");
            java.nio.file.Files.createDirectories(bad);
            duck.execute("copy (select 4503604190773248::bigint as concept_id, 'n' as concept_name, 'd' as domain_id, "
                    + "'v' as vocabulary_id, 'c' as concept_class_id, null::varchar as standard_concept, "
                    + "'OutsideTravel6Month_OutsideTravel6MonthWhereTraveled' as concept_code, "
                    + "date '2020-01-01' as valid_start_date, null::date as valid_end_date, "
                    + "null::varchar as invalid_reason) to '" + bad.resolve("part-00000.parquet") + "' (format parquet)");
            assertThat(Cdm54Conformance.check(duck, concept, bad).problems()).containsExactly(
                    "concept.concept_id: read as BIGINT, declared INTEGER",
                    "concept.concept_id: 1 values outside a 32-bit integer",
                    "concept.concept_code: 1 values longer than 50 characters",
                    "concept.valid_end_date: 1 null values in a NOT NULL column");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** cdm_source, the table DQD, Achilles and ATLAS read first: one row per tier, from the settings and profiles. */
    @Test
    void cdmSource_describesEachTier_withoutTheWallClock() {
        Map<String, String[]> names = Map.of(
                "registered", new String[] {"Sample Research Program CDR, Registered Tier", "SRP-CDR-R"},
                "controlled", new String[] {"Sample Research Program CDR, Controlled Tier", "SRP-CDR-C"});
        TableDef table = CdrSchema.get().table("cdm_source");
        for (String tier : PlantedLedger.TIERS) {
            List<org.cdrbuilder.core.row.Row> rows = new java.util.ArrayList<>();
            Path dir = tmp.resolve("releases/v1").resolve(tier).resolve("omop/cdm_source");
            try (var in = org.cdrbuilder.core.parquet.RowParquetReader.open(dir.resolve("part-00000.parquet"), table)) {
                in.forEachRemaining(rows::add);
            }
            assertThat(rows).as(tier).hasSize(1);
            org.cdrbuilder.core.row.Row r = rows.get(0);
            assertThat(r.get("cdm_source_name")).isEqualTo(names.get(tier)[0]);
            assertThat(r.get("cdm_source_abbreviation")).isEqualTo(names.get(tier)[1]);
            assertThat(r.get("cdm_holder")).isEqualTo("Sample Research Program (synthetic data)");
            assertThat((String) r.get("source_description")).startsWith("Synthetic participants of a participant-centred")
                    .endsWith("Release v1, " + tier + " tier, data up to 2026-10-01.");
            assertThat(r.get("source_documentation_reference")).isEqualTo("README.md and docs/ARCHITECTURE.md of cdr-builder");
            assertThat((String) r.get("cdm_etl_reference")).startsWith("cdr-builder 0.1.0");
            assertThat(r.get("source_release_date")).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
            assertThat(r.get("cdm_release_date")).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
            assertThat(r.get("cdm_version")).isEqualTo("5.4");
            assertThat(r.get("cdm_version_concept_id")).isEqualTo(756265);
            assertThat(r.get("vocabulary_version")).isEqualTo("v5.0 25-NOV-26");
        }
    }

    /**
     * Ids are numbered per table from 1; rows the cleaning rules created (BMIs, backfilled answers) or moved (labs sent
     * as procedures) take the ids right after the table's last harmonized one, densely, none provisional.
     */
    @Test
    void ruleArrivals_takeDenseIdsAfterEachTablesLastOne() {
        org.cdrbuilder.core.stage.WorkLayout layout = new org.cdrbuilder.core.stage.WorkLayout(tmp.resolve("work/v1"));
        Map<String, Long> next = org.cdrbuilder.steps.harmonize.IdPlan.nextIds(layout.reports("ingest"));
        Map<String, Long> arrivals = new java.util.TreeMap<>();
        for (var r : layout.reports("clean")) {
            if (r.details.get(org.cdrbuilder.steps.clean.ArrivalIds.DETAIL) instanceof Map<?, ?> m) {
                m.forEach((t, n) -> arrivals.merge((String) t, ((Number) n).longValue(), Long::sum));
            }
        }
        assertThat(arrivals).containsKeys("measurement", "observation");
        org.cdrbuilder.core.stage.ReleaseCandidate shared = new org.cdrbuilder.core.stage.ReleaseCandidate(layout, null);
        for (Map.Entry<String, Long> a : arrivals.entrySet()) {
            TableDef t = CdrSchema.get().table(a.getKey());
            String id = t.primaryKey().orElseThrow().name();
            java.util.List<Long> ids = new java.util.ArrayList<>();
            java.util.List<Long> extIds = new java.util.ArrayList<>();
            org.cdrbuilder.core.parquet.RowParquetReader.forEach(shared.parts(t.name()), t, java.util.Set.of(id),
                    row -> ids.add(row.getLong(0)));
            TableDef ext = CdrSchema.get().table(t.name() + "_ext");
            org.cdrbuilder.core.parquet.RowParquetReader.forEach(shared.parts(ext.name()), ext, java.util.Set.of(id),
                    row -> extIds.add(row.getLong(0)));
            long first = next.get(t.name());
            assertThat(ids).as(t.name()).doesNotHaveDuplicates().allSatisfy(i -> assertThat(i).isPositive());
            assertThat(extIds).as(t.name() + "_ext in step").isEqualTo(ids);
            assertThat(ids.stream().filter(i -> i >= first).sorted().toList()).as(t.name())
                    .isEqualTo(java.util.stream.LongStream.range(first, first + a.getValue()).boxed().toList());
            assertThat(first + a.getValue()).isLessThan(1L << 31);
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
