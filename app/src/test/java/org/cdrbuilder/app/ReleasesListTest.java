package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdrbuilder.app.cli.ExitCodes;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code cdr releases list}: versions, tiers, build dates, persons and rows from the manifests, and latest.json. */
class ReleasesListTest {
    @TempDir
    Path tmp;

    private static long rows(JsonNode manifest) {
        long n = 0;
        for (JsonNode t : manifest.path("tables")) {
            n += t.path("row_count").asLong();
        }
        return n;
    }

    @Test
    void versionsAndTiers_withTheirLatest_andLeftoversIgnoredWithANote() throws Exception {
        Path releases = tmp.resolve("releases");
        TestFiles.copyTree(SampleRelease.releases(), releases);
        // v2 publishes controlled only; latest.json names it for controlled, v1 stays latest of registered
        Path v2 = releases.resolve("v2/controlled");
        TestFiles.copyTree(releases.resolve("v1/controlled"), v2);
        ObjectNode m2 = (ObjectNode) WorkLayout.JSON.readTree(v2.resolve("manifest.json").toFile());
        m2.put("version", "v2").put("build_time", "2026-11-02T03:04:05.678Z");
        ((ObjectNode) m2.path("tables").path("person")).put("row_count", 301);
        WorkLayout.writeJson(v2.resolve("manifest.json"), m2);
        WorkLayout.writeJson(releases.resolve("latest.json"), Map.of("registered", "v1", "controlled", "v2"));
        Files.createDirectories(releases.resolve(".v3.partial/registered/omop"));
        Files.createDirectories(releases.resolve(".v2.replaced/controlled"));
        Files.createDirectories(releases.resolve("backup"));
        JsonNode m1 = WorkLayout.JSON.readTree(releases.resolve("v1/registered/manifest.json").toFile());

        CliRun r = CliRun.of("releases", "list", "--releases", releases.toString());
        assertThat(r.code()).as(r.output()).isZero();
        String built = m1.path("build_time").asText().replace('T', ' ').substring(0, 19);
        assertThat(r.output())
                .containsPattern("v1 +registered +" + built + " +" + m1.path("cutoff_date").asText() + " +"
                        + m1.path("tables").path("person").path("row_count").asLong() + " +"
                        + String.format("%,d", rows(m1)).replace(",", "\\,") + " +\\d+ +latest")
                .containsPattern("v1 +controlled .*\\d+ *\n")
                .containsPattern("v2 +controlled +2026-11-02 03:04:05 +\\S+ +301 +.* latest")
                .contains("latest.json: controlled -> v2").contains("latest.json: registered -> v1")
                .contains("note: ignored .v3.partial: an unfinished publication of v3")
                .contains("note: ignored .v2.replaced: what v2 held before --replace published it again")
                .contains("note: ignored backup: not a release version");

        CliRun json = CliRun.of("releases", "list", "--releases", releases.toString(), "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode inv = WorkLayout.JSON.readTree(json.output());
        // by version, then tier name
        assertThat(inv.path("tiers")).hasSize(3);
        assertThat(inv.path("tiers").findValuesAsText("version")).containsExactly("v1", "v1", "v2");
        assertThat(inv.path("tiers").findValuesAsText("tier")).containsExactly("controlled", "registered", "controlled");
        assertThat(inv.path("tiers").get(2).path("persons").asLong()).isEqualTo(301);
        assertThat(inv.path("tiers").get(1).path("rows").asLong()).isEqualTo(rows(m1));
        assertThat(inv.path("tiers").findValuesAsText("latest")).containsExactly("false", "true", "true");
        assertThat(inv.path("latest").path("controlled").asText()).isEqualTo("v2");
        assertThat(inv.path("ignored")).hasSize(3);
    }

    @Test
    void anEmptyOrMissingReleasesDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliRun empty = CliRun.of("releases", "list", "--releases", tmp.resolve("empty").toString());
        assertThat(empty.code()).isZero();
        assertThat(empty.output()).contains("no published release");
        CliRun missing = CliRun.of("releases", "list", "--releases", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(missing.output()).contains("releases directory not found");
    }
}
