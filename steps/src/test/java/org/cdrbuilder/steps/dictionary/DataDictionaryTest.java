package org.cdrbuilder.steps.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data dictionary comes from the changelog, the rules' declarations and the tier profiles. */
class DataDictionaryTest {
    static final Path TIERS = TestFiles.repoRoot().resolve("config/tiers");
    static final DataDictionary D = DictionaryFiles.dictionary(TIERS, List.of("registered", "controlled"));

    static DataDictionary.Table table(DataDictionary d, String name) {
        return d.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static DataDictionary.Column column(DataDictionary d, String table, String column) {
        return table(d, table).columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
    }

    @Test
    void everyPublishedTableAndColumnOfTheChangelog_inOrder_withItsTypesNullabilityAndKeys() {
        List<TableDef> published = CdrSchema.get().tables().stream().filter(t -> t.group().published()).toList();
        assertThat(D.tables()).extracting(DataDictionary.Table::name)
                .containsExactlyElementsOf(published.stream().map(TableDef::name).toList());
        for (TableDef t : published) {
            DataDictionary.Table dt = table(D, t.name());
            assertThat(dt.folder()).isEqualTo(t.group().releaseFolder() + "/" + t.name() + "/");
            assertThat(dt.columns()).extracting(DataDictionary.Column::name)
                    .containsExactlyElementsOf(t.columns().stream().map(ColumnDef::name).toList());
            for (ColumnDef c : t.columns()) {
                DataDictionary.Column dc = column(D, t.name(), c.name());
                assertThat(dc.nullable()).as(t + "." + c.name()).isEqualTo(c.nullable());
                assertThat(dc.primaryKey()).isEqualTo(c.primaryKey());
                assertThat(dc.description()).isEqualTo(c.remarks());
                assertThat(dc.type()).isEqualTo(c.maxLength() > 0 ? c.type().name() + "(" + c.maxLength() + ")"
                        : c.type().name());
                assertThat(dc.parquetType()).as(t + "." + c.name()).startsWith(switch (c.type()) {
                    case BIGINT, TIMESTAMP -> "INT64";
                    case INTEGER, DATE -> "INT32";
                    case DOUBLE -> "DOUBLE";
                    case VARCHAR, TEXT -> "BINARY STRING";
                    case BOOLEAN -> "BOOLEAN";
                });
            }
        }
        assertThat(D.tables()).extracting(DataDictionary.Table::name).doesNotContain("_id_mapping");
        assertThat(column(D, "person", "person_id").primaryKey()).isTrue();
        assertThat(column(D, "condition_occurrence", "condition_start_date").parquetType()).isEqualTo("INT32 DATE");
        assertThat(column(D, "condition_occurrence", "person_id").references()).isEqualTo("person.person_id");
        assertThat(column(D, "observation", "value_as_string").type()).matches("VARCHAR\\(\\d+\\)|TEXT");
    }

    @Test
    void privacyTransformsPerTier_asTheProfilesSay() {
        DataDictionary.Column start = column(D, "condition_occurrence", "condition_start_date");
        assertThat(start.perTier().get("registered")).containsExactly("dates_shifted");
        assertThat(start.perTier().get("controlled")).isEmpty();
        assertThat(table(D, "condition_occurrence").perTier().get("controlled")).contains("birth_date_events_suppressed")
                .doesNotContain("dates_shifted", "age_89_and_over_excluded");
        assertThat(table(D, "condition_occurrence").perTier().get("registered")).contains("dates_shifted",
                "age_89_and_over_excluded", "sensitive_concepts_suppressed").doesNotContain("birth_date_events_suppressed");
        assertThat(column(D, "person", "race_concept_id").perTier().get("registered")).containsExactly("race_generalized");
        assertThat(column(D, "person", "race_concept_id").perTier().get("controlled")).isEmpty();
        assertThat(column(D, "person", "person_id").perTier().get("controlled")).containsExactly("research_ids_assigned");
        // text columns: free text suppressed except the profiles' enumerations and the masked device id
        assertThat(column(D, "observation", "value_as_string").perTier().get("controlled"))
                .contains("free_text_suppressed", "zip_code_generalized");
        assertThat(column(D, "device", "src_id").perTier().get("registered")).isEmpty();
        assertThat(column(D, "device", "device_id").perTier().get("registered")).containsExactly("fitbit_device_ids_masked");
        // empty tables only where the profile lists them; suppression only on tables with concepts
        assertThat(table(D, "note").perTier().get("registered")).contains("tables_published_empty");
        assertThat(table(D, "person").perTier().get("registered")).doesNotContain("tables_published_empty");
        assertThat(table(D, "device").perTier().get("registered")).doesNotContain("sensitive_concepts_suppressed");
        // the references stage nulls visit references in every tier
        assertThat(column(D, "condition_occurrence", "visit_occurrence_id").perTier().get("controlled"))
                .containsExactly(DataDictionary.REFERENCES_RULE);
        assertThat(column(D, "visit_occurrence", "visit_occurrence_id").perTier().get("controlled")).isEmpty();
    }

    @Test
    void cleaningRules_onTheirDeclaredTablesAndChangedColumns() {
        assertThat(column(D, "drug_exposure", "refills").cleaning()).containsExactly("drug_refills_days_supply_outliers");
        assertThat(column(D, "drug_exposure", "drug_exposure_end_date").cleaning()).containsExactly("end_before_start_fixed");
        assertThat(column(D, "drug_exposure", "drug_exposure_start_date").cleaning()).isEmpty();
        assertThat(column(D, "condition_occurrence", "condition_concept_id").cleaning())
                .containsExactly("non_standard_concepts_replaced");
        assertThat(column(D, "measurement", "value_as_number").cleaning()).contains("unit_normalization");
        assertThat(table(D, "sleep_level").cleaning()).contains("fitbit_sleep_levels_known");
        assertThat(table(D, "concept").cleaning()).isEmpty();
        assertThat(table(D, "condition_occurrence_ext").follows()).isEqualTo("condition_occurrence");
        assertThat(D.rule("dates_shifted").tiers()).containsExactly("registered");
        assertThat(D.rule("withdrawn_participants").tiers()).containsExactly("registered", "controlled");
        assertThat(D.rule("withdrawn_participants").stage()).isEqualTo(DataDictionary.CLEANING);
    }

    @Test
    void aProfileChange_changesTheDictionary(@TempDir Path tmp) throws Exception {
        TestFiles.copyTree(TIERS, tmp);
        Path controlled = tmp.resolve("controlled.yaml");
        Files.writeString(controlled, Files.readString(controlled).replace("  race: false", "  race: true"));
        DataDictionary changed = DictionaryFiles.dictionary(tmp, List.of("controlled"));
        assertThat(column(changed, "person", "race_concept_id").perTier().get("controlled")).containsExactly("race_generalized");
        assertThat(changed.tiers()).extracting(DataDictionary.Tier::name).containsExactly("controlled");
    }

    @Test
    void renderings_areDeterministic_andTheHtmlOfATierNamesOnlyItsOwnTransforms() {
        String md = DictionaryMarkdown.render(D);
        assertThat(DictionaryMarkdown.render(DictionaryFiles.dictionary(TIERS, List.of("registered", "controlled"))))
                .isEqualTo(md);
        for (DataDictionary.Table t : D.tables()) {
            assertThat(md).contains("\n## " + t.name() + "\n");
            for (DataDictionary.Column c : t.columns()) {
                assertThat(md).contains("| `" + c.name() + "` |");
            }
        }
        String controlled = DictionaryHtml.render(DictionaryFiles.dictionary(TIERS, List.of("controlled")), "v3", "controlled");
        String registered = DictionaryHtml.render(DictionaryFiles.dictionary(TIERS, List.of("registered")), "v3", "registered");
        assertThat(controlled).startsWith("<!DOCTYPE html>").contains("Release v3").contains("controlled tier")
                .contains("birth_date_events_suppressed").doesNotContain("dates_shifted").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(registered).contains("dates_shifted").contains("id=\"t-condition_occurrence\"");
        for (DataDictionary.Table t : D.tables()) {
            assertThat(registered).contains("id=\"t-" + t.name() + "\"");
        }
        assertThat(DictionaryHtml.render(DictionaryFiles.dictionary(TIERS, List.of("registered")), "v3", "registered"))
                .isEqualTo(registered);
    }
}
