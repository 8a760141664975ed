package org.cdrbuilder.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaDdlTest {
    private final SchemaDdl ddl = SchemaDdl.postgres("cdr_v1_registered");

    @Test
    void createTable_hasEveryColumnAndNotNull_butNoPrimaryKey() {
        List<String> sql = ddl.createTableWithoutPrimaryKey("person");
        String create = sql.get(0);
        assertThat(create).startsWith("CREATE TABLE cdr_v1_registered.person (")
                .contains("person_id INTEGER NOT NULL").contains("birth_datetime TIMESTAMP WITHOUT TIME ZONE")
                .contains("person_source_value VARCHAR(50)").doesNotContainIgnoringCase("primary key");
        for (ColumnDef c : CdrSchema.get().table("person").columns()) {
            assertThat(create).contains(c.name() + " ");
        }
        assertThat(sql).anyMatch(s -> s.startsWith("COMMENT ON TABLE cdr_v1_registered.person IS"));
        assertThat(ddl.createTableWithoutPrimaryKey("drug_exposure").get(0)).contains("sig TEXT").contains("quantity DOUBLE PRECISION");
    }

    @Test
    void constraints_comeFromTheChangelog() {
        assertThat(ddl.addPrimaryKey(CdrSchema.get().table("condition_occurrence"))).containsExactly(
                "ALTER TABLE cdr_v1_registered.condition_occurrence ADD CONSTRAINT xpk_condition_occurrence PRIMARY KEY (condition_occurrence_id)");
        assertThat(ddl.addPrimaryKey(CdrSchema.get().table("concept_ancestor"))).isEmpty();
        ForeignKeyConstraint fk = CdrSchema.get().foreignKeys().stream()
                .filter(f -> f.name().equals("fk_condition_occurrence_person_id")).findFirst().orElseThrow();
        assertThat(fk.table()).isEqualTo("condition_occurrence");
        assertThat(fk.references()).isEqualTo(new ForeignKey("person", "person_id"));
        assertThat(ddl.addForeignKey(fk)).singleElement().asString()
                .contains("ALTER TABLE cdr_v1_registered.condition_occurrence ADD CONSTRAINT fk_condition_occurrence_person_id "
                        + "FOREIGN KEY (person_id) REFERENCES cdr_v1_registered.person (person_id)");
        IndexDef ix = CdrSchema.get().indexes().stream().filter(i -> i.name().equals("idx_concept_relationship_id_1"))
                .findFirst().orElseThrow();
        assertThat(ddl.createIndex(ix)).containsExactly(
                "CREATE INDEX idx_concept_relationship_id_1 ON cdr_v1_registered.concept_relationship(concept_id_1)");
    }

    @Test
    void everyForeignKeyAndIndex_namesColumnsOfTheSchema() {
        CdrSchema schema = CdrSchema.get();
        assertThat(schema.foreignKeys()).hasSizeGreaterThan(50);
        for (ForeignKeyConstraint fk : schema.foreignKeys()) {
            schema.table(fk.table()).indexOf(fk.column());
            assertThat(schema.table(fk.references().table()).primaryKeyColumns()).as(fk.name())
                    .containsExactly(fk.references().column());
        }
        assertThat(schema.indexes()).isNotEmpty().allSatisfy(ix ->
                assertThat(schema.table(ix.table()).primaryKeyColumns()).as(ix.name() + " repeats a primary key")
                        .isNotEqualTo(ix.columns()));
    }

    @Test
    void schemaNames_areRestrictedToPlainSqlNames() {
        assertThatThrownBy(() -> SchemaDdl.postgres("cdr; drop table x")).hasMessageContaining("not a schema name");
        assertThatThrownBy(() -> SchemaDdl.postgres("Upper")).hasMessageContaining("not a schema name");
    }
}
