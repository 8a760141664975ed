package org.cdrbuilder.steps.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cdrbuilder.core.testing.TestFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.FaultInjector;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.SandboxTables;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, both tiers, on a drop where the EHR date floor removes a visit (1975) that a condition and a
 * later visit of the same site still reference: both stay, their reference becomes null, the ledger says so; a
 * build that fails in the stage resumes to the same release.
 */
class VisitReferencesPipelineTest {
    @TempDir
    static Path tmp;
    static BuildContext ctx;
    static Duck duck;

    @BeforeAll
    static void build() throws Exception {
        ctx = context(tmp);
        new LocalStageRunner(ctx).run(stages(ctx));
        duck = new Duck();
    }

    private static Stage[] stages(BuildContext c) {
        return Pipeline.stages(c.settings()).toArray(new Stage[0]);
    }

    /** Writes the drop and vocabulary under {@code dir}; settings for both tiers. */
    private static BuildContext context(Path dir) {
        Path drop = dir.resolve("drop");
        write(drop.resolve("participants/participants.csv"), MiniDrop.REGISTRY_HEADER,
                "P1001,Alice,Zebulon,alice@example.org,555-0101,1 Main St,10001,NY,1960-03-04,2019-01-01,yes,2019-01-01,,,"
                        + "site_a,core_participant,2019-02-01,2019-02-01");
        Path s = drop.resolve("ehr/site_a/2024-01-01-v1");
        write(s.resolve("visit_occurrence.csv"),
                "visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_end_date,visit_type_concept_id,"
                        + "preceding_visit_occurrence_id",
                "71,1001,9202,1975-05-01,1975-05-01,32817,",
                "72,1001,9202,2020-01-10,2020-01-10,32817,71",
                "73,1001,9202,2020-02-01,2020-02-01,32817,72");
        write(s.resolve("condition_occurrence.csv"),
                "condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id,"
                        + "visit_occurrence_id,condition_source_value",
                "1,1001,320128,2020-01-10,32817,71,at-removed-visit",
                "2,1001,320128,2020-01-10,32817,72,at-kept-visit",
                "3,1001,320128,2020-02-01,32817,,without-visit");
        write(s.resolve("drug_exposure.csv"),
                "drug_exposure_id,person_id,drug_concept_id,drug_exposure_start_date,drug_exposure_end_date,drug_type_concept_id,"
                        + "visit_occurrence_id",
                "1,1001,1503297,2020-02-01,2020-02-20,32817,73");
        return new BuildContext(TestSettings.of(dir, drop, MiniDrop.vocabulary(dir.resolve("vocab")), "v1",
                List.of("tiers: [registered, controlled]")));
    }

    @AfterAll
    static void close() {
        duck.close();
    }

    private static String table(String tier, String name) {
        return "'" + tmp.resolve("releases/v1").resolve(tier).resolve("omop").resolve(name) + "/*.parquet'";
    }

    @Test
    void condition_atARemovedVisit_staysWithoutItsVisit() {
        for (String tier : List.of("registered", "controlled")) {
            // conditions in drop order: at the removed visit, at a kept visit, without a visit
            assertThat(duck.rows("select v.visit_occurrence_id is not null from " + table(tier, "condition_occurrence")
                    + " c left join " + table(tier, "visit_occurrence") + " v using (visit_occurrence_id) "
                    + "order by c.condition_occurrence_id")).as(tier)
                    .containsExactly(List.of(false), List.of(true), List.of(false));
            assertThat(duck.count("select count(*) from " + table(tier, "condition_occurrence")
                    + " where visit_occurrence_id is not null")).as(tier).isEqualTo(1);
        }
    }

    @Test
    void visit_whosePrecedingVisitWasRemoved_keepsOnlyPublishedPrecedingVisits() {
        assertThat(duck.rows("select cast(v.visit_start_date as varchar), cast(p.visit_start_date as varchar) from "
                + table("controlled", "visit_occurrence") + " v left join " + table("controlled", "visit_occurrence")
                + " p on p.visit_occurrence_id = v.preceding_visit_occurrence_id order by v.visit_start_date"))
                .containsExactly(Arrays.asList("2020-01-10", null), List.of("2020-02-01", "2020-01-10"));
    }

    @Test
    void ledger_countsEachNulledRowAsAChangeOfTheReferencesStage() {
        for (String tier : List.of("registered", "controlled")) {
            Ledger ledger = WorkLayout.readJson(tmp.resolve("releases/v1").resolve(tier).resolve("qa/ledger.json"),
                    Ledger.class);
            Ledger.Entry visits = ledger.tables.get("visit_occurrence");
            assertThat(visits.removed).as(tier).containsEntry("clean/ehr_date_floor", 1L);
            assertThat(visits.changed).as(tier).containsEntry("references/visit_references_nulled", 1L);
            assertThat(visits.published).as(tier).isEqualTo(2);
            Ledger.Entry conditions = ledger.tables.get("condition_occurrence");
            assertThat(conditions.changed).as(tier).containsEntry("references/visit_references_nulled", 1L);
            assertThat(conditions.published).as(tier).isEqualTo(3);
            assertThat(ledger.tables.get("drug_exposure").changed).as(tier)
                    .doesNotContainKey("references/visit_references_nulled");
            assertThat(ledger.reconciled()).as(tier).isTrue();
        }
    }

    @Test
    void nulledRows_areInTheTiersSandbox_asTheyWere() {
        WorkLayout layout = ctx.layout();
        Object removedVisit;
        try (RowParquetReader r = RowParquetReader.open(layout.sandboxFiles("clean", "visit_occurrence").get(0),
                SandboxTables.of(CdrSchema.get().table("visit_occurrence")))) {
            removedVisit = r.next().get("visit_occurrence_id");
        }
        List<Path> files = layout.sandboxFiles(ReferencesStage.nameOf("controlled"), "condition_occurrence");
        assertThat(files).hasSize(1);
        try (RowParquetReader r = RowParquetReader.open(files.get(0),
                SandboxTables.of(CdrSchema.get().table("condition_occurrence")))) {
            var row = r.next();
            assertThat(row.get("visit_occurrence_id")).isEqualTo(removedVisit);
            assertThat(row.get(SandboxTables.RULE_ID)).isEqualTo("visit_references_nulled");
            assertThat(row.get(SandboxTables.REASON)).isEqualTo("visit_occurrence_id " + removedVisit
                    + ": visit removed by clean/ehr_date_floor");
            assertThat(r.hasNext()).isFalse();
        }
    }

    @Test
    void candidate_namesTheStageOnlyForTablesWithVisitReferences_andUntouchedPartsAreLinked() {
        ReleaseCandidate controlled = new ReleaseCandidate(ctx.layout(), "controlled");
        assertThat(controlled.holder("condition_occurrence")).isEqualTo("references-controlled");
        assertThat(controlled.holder("condition_occurrence_ext")).isEqualTo("references-controlled");
        assertThat(controlled.holder("visit_occurrence")).isEqualTo("references-controlled");
        assertThat(controlled.holder("person")).isEqualTo("privacy-controlled");
        assertThat(controlled.holder("observation_period")).isEqualTo("privacy-controlled");
        assertThat(ctx.layout().reports("references-controlled")).anySatisfy(r -> {
            assertThat(r.tables).containsKey("drug_exposure");
            assertThat(r.details).containsEntry("action", "linked");
        });
    }

    @Test
    void failedUnitOfTheStage_resumes_toTheSameRelease(@TempDir Path other) throws Exception {
        String rewritten = "condition_occurrence--00000";
        assertThat(ctx.layout().readReport("references-controlled", rewritten).details).containsEntry("action", "rewritten");
        BuildContext again = context(other);
        again.setFaults((stage, unit, rows) -> {
            if (stage.equals("references-controlled") && unit.equals(rewritten)) {
                throw new IllegalStateException("injected fault");
            }
        });
        assertThatThrownBy(() -> new LocalStageRunner(again).run(stages(again))).hasMessageContaining("injected fault");
        assertThat(other.resolve("releases")).doesNotExist();
        again.setFaults(FaultInjector.NONE);
        new LocalStageRunner(again).run(stages(again));
        for (String tier : List.of("registered", "controlled")) {
            Path expected = tmp.resolve("releases/v1").resolve(tier);
            try (Stream<Path> files = Files.walk(expected)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                    assertThat(Files.readAllBytes(other.resolve("releases/v1").resolve(tier).resolve(expected.relativize(f))))
                            .as(f.toString()).isEqualTo(Files.readAllBytes(f));
                }
            }
        }
    }
}
