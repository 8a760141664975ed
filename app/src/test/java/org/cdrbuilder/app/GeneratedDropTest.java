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
        assertThat(Cdr.execute("generate", "--participants", "400", "--seed", "7", "--out", gen.toString())).isZero();
        planted = WorkLayout.readJson(gen.resolve("planted.json"), Planted.class);
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        release = tmp.resolve("releases/v1/base");
        ledger = WorkLayout.readJson(release.resolve("qa/ledger.json"), Ledger.class);
    }

    @Test
    void generator_isDeterministicForASeed() throws Exception {
        Path again = tmp.resolve("again");
        assertThat(Cdr.execute("generate", "--participants", "400", "--seed", "7", "--out", again.toString())).isZero();
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
        assertThat(planted.removed).containsKeys("harmonize/participant_withdrawn", "harmonize/no_primary_consent",
                "harmonize/participant_not_in_registry");
        assertThat(planted.quarantined.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void samePersonIdInEveryTable_andEveryPersonIsPublished() {
        try (Duck duck = new Duck()) {
            String person = "'" + release.resolve("omop/person") + "/*.parquet'";
            for (String t : List.of("visit_occurrence", "condition_occurrence", "drug_exposure", "measurement",
                    "procedure_occurrence", "observation_period")) {
                assertThat(duck.count("select count(*) from '" + release.resolve("omop").resolve(t) + "/*.parquet' x "
                        + "where not exists (select 1 from " + person + " p where p.person_id = x.person_id)"))
                        .as(t + " rows whose person is not published").isZero();
            }
            assertThat(duck.count("select count(*) from " + person)).isEqualTo(planted.expectedPublished("person"));
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
