package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** id_bits: a release's row ids are 32-bit by default (OMOP CDM 5.4), 64-bit when configured. */
class IdBitsTest {

    @Test
    void sixtyFourBitIds_arePublishedAsBigint_andTheManifestSaysSo(@TempDir Path tmp) throws Exception {
        MiniDrop.settings(tmp, List.of("id_bits: 64"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        Path release = tmp.resolve("releases/v1/controlled");
        try (Duck duck = new Duck()) {
            assertThat(duck.rows("select column_name, column_type from (describe select * from '"
                    + release.resolve("omop/condition_occurrence") + "/*.parquet') where column_name in "
                    + "('condition_occurrence_id', 'person_id', 'condition_concept_id') order by 1")).containsExactly(
                    List.of("condition_concept_id", "INTEGER"), List.of("condition_occurrence_id", "BIGINT"),
                    List.of("person_id", "BIGINT"));
        }
        JsonNode manifest = WorkLayout.JSON.readTree(release.resolve("manifest.json").toFile());
        JsonNode columns = manifest.get("tables").get("condition_occurrence").get("schema");
        assertThat(columns.get(0).get("name").asText()).isEqualTo("condition_occurrence_id");
        assertThat(columns.get(0).get("type").asText()).isEqualTo("bigint");
        assertThat(columns.get(2).get("type").asText()).isEqualTo("integer");
    }

    @Test
    void defaultIds_are32Bit_andOtherWidthsAreRefused(@TempDir Path tmp) throws Exception {
        MiniDrop.settings(tmp);
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        try (Duck duck = new Duck()) {
            assertThat(duck.value("select column_type from (describe select * from '"
                    + tmp.resolve("releases/v1/controlled/omop/condition_occurrence")
                    + "/*.parquet') where column_name = 'condition_occurrence_id'")).isEqualTo("INTEGER");
        }
        Path other = tmp.resolve("other");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestSettings.of(other,
                        MiniDrop.drop(other.resolve("drop")), MiniDrop.vocabulary(other.resolve("vocab")), "v1",
                        List.of("id_bits: 48")))
                .hasMessageContaining("id_bits must be 32 (OMOP CDM 5.4 integer ids) or 64, not 48");
    }
}
