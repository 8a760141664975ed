package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.generator.Planted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generator's drop written in the shapes real feeds have ({@code --real-shapes}: sparse unordered site ids above
 * 2^31, CDM 5.3 visit columns at one site, the registry in the participant system's codes with ZIP codes that lost
 * their leading zeros) gives exactly the outcome the generator predicts for its plain drop: those shapes must cost
 * no row and no participant.
 */
class RealShapesDropTest {
    @TempDir
    static Path tmp;
    static Planted planted;
    static Ledger ledger;

    @BeforeAll
    static void build() {
        Path gen = tmp.resolve("gen");
        assertThat(Cdr.execute("generate", "--participants", "250", "--seed", "13", "--fitbit-days", "1",
                "--fitbit-share", "0.1", "--real-shapes", "--out", gen.toString())).isZero();
        planted = WorkLayout.readJson(gen.resolve("planted.json"), Planted.class);
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        ledger = WorkLayout.readJson(tmp.resolve("releases/v1/controlled/qa/ledger.json"), Ledger.class);
    }

    @Test
    void theDropHasTheRealShapes() throws Exception {
        Path ehr = tmp.resolve("gen/drop/ehr");
        List<Path> conditions;
        try (Stream<Path> s = Files.walk(ehr)) {
            conditions = s.filter(p -> p.getFileName().toString().equals("condition_occurrence.csv")).sorted().toList();
        }
        List<String> rows = Files.readAllLines(conditions.get(conditions.size() - 1));
        List<Long> ids = rows.subList(1, rows.size()).stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
                .toList();
        assertThat(ids).hasSizeGreaterThan(100).allSatisfy(id -> assertThat(id).isGreaterThan(1L << 31));
        assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
        try (Stream<Path> s = Files.walk(ehr)) {
            assertThat(s.filter(p -> p.getFileName().toString().equals("visit_occurrence.csv")).map(p -> {
                try {
                    return Files.readAllLines(p).get(0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anyMatch(h -> h.endsWith("admitting_source_concept_id,discharge_to_concept_id"));
        }
        String registry = Files.readString(tmp.resolve("gen/drop/participants/participants.csv"));
        assertThat(registry).contains(",PIIState_").contains("ConsentPermission_Yes").contains(",MEMBER,");
    }

    @Test
    void everyTableMatchesThePlantedPrediction_andNoRegistryValueIsLost() throws Exception {
        PlantedLedger.assertMatches(planted, Planted.CONTROLLED, ledger);
        JsonNode v = WorkLayout.JSON.readTree(tmp.resolve("releases/v1/controlled/qa/input-validation.json").toFile());
        for (JsonNode s : v.get("sources")) {
            if (s.get("kind").asText().equals("registry")) {
                assertThat(s.get("valuesDropped").asLong()).as("states, consents, statuses and ZIP codes all read").isZero();
            }
        }
        JsonNode report = WorkLayout.JSON.readTree(tmp.resolve("releases/v1/controlled/qa/report.json").toFile());
        assertThat(report.at("/Gate/status").asText()).isEqualTo("passed");
    }
}
