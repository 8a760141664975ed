package org.cdrbuilder.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrSchemaTest {

    @Test
    void changelog_declaresEveryPublishedTable() {
        CdrSchema schema = CdrSchema.get();
        assertThat(schema.tables(TableGroup.OMOP)).extracting(TableDef::name).contains(
                "person", "observation_period", "visit_occurrence", "condition_occurrence", "drug_exposure",
                "procedure_occurrence", "measurement", "observation", "device_exposure", "death", "survey_conduct",
                "note", "location", "care_site", "provider");
        assertThat(schema.tables(TableGroup.VOCABULARY)).extracting(TableDef::name).containsExactly(
                "concept", "vocabulary", "domain", "concept_class", "concept_relationship", "relationship",
                "concept_ancestor", "concept_synonym");
        assertThat(schema.tables(TableGroup.EXT)).extracting(TableDef::name).contains("person_ext", "observation_ext");
        assertThat(schema.tables(TableGroup.WEARABLES)).extracting(TableDef::name).contains(
                "activity_summary", "heart_rate_minute_level", "heart_rate_summary", "steps_intraday",
                "sleep_daily_summary", "sleep_level");
        assertThat(schema.tables(TableGroup.METADATA)).extracting(TableDef::name).containsExactly("_cdr_metadata");
    }

    @Test
    void columns_carryTypesConstraintsAndReferences() {
        TableDef co = CdrSchema.get().table("condition_occurrence");
        assertThat(co.primaryKey()).map(ColumnDef::name).contains("condition_occurrence_id");
        assertThat(co.column("condition_start_date").type()).isEqualTo(ColumnType.DATE);
        assertThat(co.column("condition_start_date").nullable()).isFalse();
        assertThat(co.column("condition_end_date").nullable()).isTrue();
        assertThat(co.column("condition_source_value").maxLength()).isEqualTo(50);
        assertThat(co.column("visit_occurrence_id").references())
                .contains(new ForeignKey("visit_occurrence", "visit_occurrence_id"));
        assertThat(co.column("condition_concept_id").references()).contains(new ForeignKey("concept", "concept_id"));
        assertThat(co.column("condition_concept_id").isConceptId()).isTrue();
        assertThat(co.indexOf("person_id")).isEqualTo(1);
        assertThatThrownBy(() -> co.indexOf("nope")).hasMessageContaining("condition_occurrence has no column nope");
    }

    @Test
    void install_createsTablesInH2_andIsIdempotent(@TempDir java.nio.file.Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("db").toAbsolutePath())) {
            SchemaInstaller.install(c, null);
            SchemaInstaller.install(c, null);
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "MEASUREMENT", null)) {
                while (rs.next()) {
                    cols.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            assertThat(cols).containsExactlyElementsOf(
                    CdrSchema.get().table("measurement").columns().stream().map(ColumnDef::name).toList());
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from databasechangelog")) {
                rs.next();
                String xml = new String(CdrSchema.class.getClassLoader().getResourceAsStream(CdrSchema.CHANGELOG).readAllBytes());
                assertThat(rs.getInt(1)).isEqualTo(xml.split("<changeSet ", -1).length - 1);
            }
        }
    }
}
