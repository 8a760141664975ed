package org.cdrbuilder.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Table roles come from the changelog, are checked against its columns, and define the person and event tables. */
class TableRolesTest {
    private final CdrSchema schema = CdrSchema.get();

    @Test
    void rolesAreReadFromTheChangelog() {
        TableRoles c = schema.roles("condition_occurrence");
        assertThat(c.eventDate()).isEqualTo("condition_start_date");
        assertThat(c.column("concept")).contains("condition_concept_id");
        assertThat(c.domain()).isEqualTo("Condition");
        assertThat(c.alignable()).isTrue();
        assertThat(c.achillesAnalysis()).isEqualTo(400);
        assertThat(schema.roles("visit_occurrence").alignable()).isFalse();
        assertThat(schema.roles("steps_intraday").eventDate()).isEqualTo("datetime");
        assertThat(schema.roles("concept").roles()).isEmpty();
    }

    @Test
    void personTablesAreTheTablesWithAPersonId_andEventTablesThoseWithAnEventDate() {
        List<String> persons = schema.personTables().stream().map(TableDef::name).toList();
        for (TableDef t : schema.tables()) {
            boolean personal = t.hasColumn("person_id") && t.group() != TableGroup.SNAPSHOT && t.group() != TableGroup.INTERNAL;
            assertThat(persons.contains(t.name())).as(t.name()).isEqualTo(personal);
        }
        assertThat(persons).contains("person", "observation_period", "person_ext", "steps_intraday");
        List<String> events = schema.eventTables().stream().map(TableDef::name).toList();
        assertThat(events).doesNotContain("person", "observation_period", "person_ext", "death_ext")
                .contains("condition_occurrence", "death", "survey_conduct", "heart_rate_minute_level", "device");
        // every person table that is not a demographic, period or provenance table declares its event date
        for (String t : persons) {
            if (!List.of("person", "observation_period", "person_ext", "death_ext").contains(t)) {
                assertThat(events).as(t).contains(t);
            }
        }
    }

    @Test
    void aRoleNamingAColumnTheTableLacks_isRefusedNamingTheTable() {
        TableDef person = new TableDef("person", TableGroup.OMOP, null,
                List.of(schema.table("person").column("person_id")));
        assertThatThrownBy(() -> TableRoles.read(getClass().getClassLoader(), "roles/bad-roles.xml", Map.of("person", person)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table person declares the role 'date=birth_date'");
    }
}
