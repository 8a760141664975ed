package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.cdrbuilder.app.cli.ExitCodes;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.schema.CdrSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code cdr verify} accepts the sample release as built and names the first difference of every kind of damage: a
 * changed byte, a file of the wrong schema, a wrong row count, a file added, a file missing, a table left out.
 */
class ReleaseVerifyTest {
    @TempDir
    Path tmp;

    /** A copy of the sample's registered tier as releases/v1/registered under {@code tmp}, changed by {@code damage}. */
    private Path damaged(Consumer<Path> damage) {
        Path tier = tmp.resolve("releases/v1/registered");
        TestFiles.copyTree(SampleRelease.tier("registered"), tier);
        damage.accept(tier);
        return tier;
    }

    private static ObjectNode manifest(Path tier) {
        try {
            return (ObjectNode) WorkLayout.JSON.readTree(tier.resolve("manifest.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path tier, JsonNode manifest) {
        WorkLayout.writeJson(tier.resolve("manifest.json"), manifest);
    }

    private static ObjectNode firstFile(ObjectNode manifest, String table) {
        return (ObjectNode) manifest.path("tables").path(table).path("files").get(0);
    }

    @Test
    void theBuiltRelease_verifies_everyTierOfTheVersion() {
        CliRun r = CliRun.of("verify", SampleRelease.releases().resolve("v1").toString());
        assertThat(r.code()).as(r.output()).isZero();
        long published = CdrSchema.get().tables().stream().filter(t -> t.group().published()).count();
        JsonNode m = manifest(SampleRelease.tier("controlled"));
        long rows = 0;
        for (JsonNode t : m.path("tables")) {
            rows += t.path("row_count").asLong();
        }
        assertThat(r.output()).contains("v1/registered (v1, tier registered): OK")
                .contains("v1/controlled (v1, tier controlled): OK")
                .contains(published + " tables").contains(String.format("%,d rows", rows))
                .contains("docs_files: 1 file(s)").contains("qa_files: " + m.path("qa_files").size() + " file(s)")
                .doesNotContain("DIFFERS");
    }

    @Test
    void aChangedByte_isNamedWithBothDigests() throws Exception {
        Path tier = damaged(t -> {
            Path f = t.resolve("omop/condition_occurrence/part-00000.parquet");
            try {
                byte[] b = Files.readAllBytes(f);
                b[b.length / 2] ^= 1;
                Files.write(f, b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String expected = firstFile(manifest(tier), "condition_occurrence").path("sha256").asText();
        CliRun r = CliRun.of("verify", tier.toString());
        assertThat(r.code()).as(r.output()).isEqualTo(ExitCodes.RELEASE_DIFFERS);
        assertThat(r.output()).contains("differs from its manifest: omop/condition_occurrence/part-00000.parquet: "
                + "sha256: expected " + expected + ", found " + Fingerprint.sha256(tier.resolve(
                "omop/condition_occurrence/part-00000.parquet")));
    }

    @Test
    void aFileOfAnotherSchema_withAManifestThatMatchesIt_isNamedByColumn() throws Exception {
        Path tier = damaged(t -> {
            try {
                Path death = t.resolve("omop/death/part-00000.parquet");
                Files.copy(t.resolve("omop/death_ext/part-00000.parquet"), death,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                ObjectNode m = manifest(t);
                ObjectNode f = firstFile(m, "death");
                f.put("bytes", Files.size(death)).put("sha256", Fingerprint.sha256(death))
                        .put("rows", firstFile(m, "death_ext").path("rows").asLong());
                ((ObjectNode) m.path("tables").path("death")).put("row_count", f.path("rows").asLong());
                write(t, m);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun r = CliRun.of("verify", tier.toString());
        assertThat(r.code()).as(r.output()).isEqualTo(ExitCodes.RELEASE_DIFFERS);
        assertThat(r.output()).contains("differs from its manifest: omop/death/part-00000.parquet: Parquet schema of death, column 2: expected")
                .contains("death_date");
    }

    @Test
    void rowCounts_fromTheFooterAndTheTable_areChecked() {
        Path tier = damaged(t -> {
            ObjectNode m = manifest(t);
            ObjectNode f = firstFile(m, "person");
            f.put("rows", f.path("rows").asLong() + 1);
            write(t, m);
        });
        long rows = firstFile(manifest(SampleRelease.tier("registered")), "person").path("rows").asLong();
        CliRun r = CliRun.of("verify", tier.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RELEASE_DIFFERS);
        assertThat(r.output()).contains("omop/person/part-00000.parquet: rows (Parquet footer): expected " + (rows + 1)
                + ", found " + rows).contains("manifest.json: row_count of person: expected " + (rows + 1));
    }

    @Test
    void filesAddedOrMissing_andTablesLeftOut_andDocsChanged_areNamed() throws Exception {
        Path tier = damaged(t -> {
            try {
                Files.writeString(t.resolve("omop/person/notes.txt"), "added beside the release");
                Files.delete(t.resolve("qa/ledger.json"));
                Files.writeString(t.resolve("docs/dictionary.html"), "<html>edited</html>");
                ObjectNode m = manifest(t);
                ((ObjectNode) m.path("tables")).remove("concept_synonym");
                write(t, m);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun r = CliRun.of("verify", tier.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RELEASE_DIFFERS);
        assertThat(r.output())
                .contains("DIFFERS omop/person/notes.txt: file: expected listed in the manifest, found on disk, not listed")
                .contains("DIFFERS omop/concept_synonym/part-00000.parquet: file: expected listed in the manifest")
                .contains("DIFFERS qa/ledger.json: file: expected present (listed in qa_files), found missing")
                .contains("DIFFERS docs/dictionary.html: sha256")
                .contains("DIFFERS manifest.json: table concept_synonym: expected listed (the changelog publishes it");
    }

    @Test
    void aTierUnderAnotherVersion_isNamed_andAFolderThatIsNoRelease_isBadArguments() {
        Path tier = tmp.resolve("releases/v9/controlled");
        TestFiles.copyTree(SampleRelease.tier("controlled"), tier);
        CliRun r = CliRun.of("verify", tier.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RELEASE_DIFFERS);
        assertThat(r.output()).contains("differs from its manifest: manifest.json: version: expected v9 (the folder's "
                + "name), found v1");
        CliRun none = CliRun.of("verify", tmp.resolve("releases").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(none.output()).contains("is not a release");
    }
}
