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
        assertThat(schema.tables(TableGroup.METADATA)).extracting(TableDef::name)
                .containsExactly("_cdr_metadata", "cdm_source");
    }

    /** The conventions of the official OMOP CDM 5.4 DDL (OHDSI/CommonDataModel inst/ddl/5.4), table by table. */
    @Test
    void omopTables_haveTheTypesAndLengthsOfCdm54() {
        for (TableDef t : CdrSchema.get().tables()) {
            if (t.group() != TableGroup.OMOP && t.group() != TableGroup.VOCABULARY && !t.name().equals("cdm_source")) {
                continue;
            }
            for (ColumnDef c : t.columns()) {
                String where = t.name() + "." + c.name();
                if (c.name().endsWith("_id") && c.type() != ColumnType.VARCHAR) {
                    assertThat(c.type()).as(where).isEqualTo(ColumnType.INTEGER);
                }
                if (c.name().endsWith("_source_value")) {
                    // survey_conduct is CDM 5.3's, whose source values are VARCHAR(100) but assisted_source_value
                    int expected = t.name().equals("survey_conduct") && !c.name().equals("assisted_source_value")
                            ? 100 : t.name().equals("location") && c.name().equals("country_source_value") ? 80 : 50;
                    assertThat(c.maxLength()).as(where).isEqualTo(expected);
                }
                assertThat(c.type()).as(where).isNotEqualTo(ColumnType.BIGINT);
            }
        }
        CdrSchema s = CdrSchema.get();
        assertThat(s.table("concept").column("concept_code").maxLength()).isEqualTo(50);
        assertThat(s.table("concept").column("concept_name").maxLength()).isEqualTo(255);
        assertThat(s.table("concept").column("concept_class_id").maxLength()).isEqualTo(20);
        assertThat(s.table("observation").column("value_as_string").maxLength()).isEqualTo(60);
        assertThat(s.table("observation").column("observation_source_value").maxLength()).isEqualTo(50);
        assertThat(s.table("observation").column("value_source_value").maxLength()).isEqualTo(50);
        assertThat(s.table("measurement").column("measurement_time").maxLength()).isEqualTo(10);
        assertThat(s.table("device_exposure").column("unique_device_id").maxLength()).isEqualTo(255);
        assertThat(s.table("concept_synonym").column("concept_synonym_name").maxLength()).isEqualTo(1000);
        TableDef cdmSource = s.table("cdm_source");
        assertThat(cdmSource.columns()).extracting(ColumnDef::name).containsExactly("cdm_source_name",
                "cdm_source_abbreviation", "cdm_holder", "source_description", "source_documentation_reference",
                "cdm_etl_reference", "source_release_date", "cdm_release_date", "cdm_version", "cdm_version_concept_id",
                "vocabulary_version");
        assertThat(cdmSource.columns()).extracting(c -> c.type() + "(" + c.maxLength() + ")" + (c.nullable() ? "" : "!"))
                .containsExactly("VARCHAR(255)!", "VARCHAR(25)!", "VARCHAR(255)!", "TEXT(0)", "VARCHAR(255)",
                        "VARCHAR(255)", "DATE(0)!", "DATE(0)!", "VARCHAR(10)", "INTEGER(0)!", "VARCHAR(20)!");
    }

    @Test
    void rowIds_areTheIdColumnsOfReleaseRows_andCanBeDeclaredBigint() {
        TableDef m = CdrSchema.get().table("measurement");
        assertThat(m.columns().stream().filter(c -> m.isRowId(c.name())).map(ColumnDef::name)).containsExactly(
                "measurement_id", "person_id", "provider_id", "visit_occurrence_id", "visit_detail_id",
                "measurement_event_id");
        assertThat(m.isRowId("measurement_concept_id")).isFalse();
        assertThat(CdrSchema.get().table("concept").isRowId("concept_id")).isFalse();
        assertThat(CdrSchema.get().table("achilles_results").isRowId("analysis_id")).isFalse();
        assertThat(CdrSchema.get().table("heart_rate_summary").isRowId("person_id")).isTrue();
        TableDef wide = m.withBigintRowIds();
        assertThat(wide.column("measurement_id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(wide.column("measurement_id").primaryKey()).isTrue();
        assertThat(wide.column("measurement_concept_id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(wide.isRowId("measurement_id")).isTrue();
        assertThat(CdrSchema.get().table("concept").withBigintRowIds()).isSameAs(CdrSchema.get().table("concept"));
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
