package org.cdrbuilder.steps.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.clean.EventDates;
import org.junit.jupiter.api.Test;

/**
 * Every table of the changelog that holds a person's rows (a person_id column) gets research ids and date shifting:
 * the rules' tables come from the changelog, so a table added there is covered without a list to update.
 */
class PersonTablesCoveredTest {
    @Test
    void everyPersonKeyedTable_getsResearchIdsAndShiftedDates() {
        Map<String, List<String>> tablesOf = RuleEngine.discover().stream()
                .collect(Collectors.toMap(r -> r.info().id(), (CleaningRule r) -> r.info().tables()));
        List<String> personKeyed = CdrSchema.get().tables().stream()
                .filter(t -> t.group() == TableGroup.OMOP || t.group() == TableGroup.EXT || t.group() == TableGroup.WEARABLES)
                .filter(t -> t.hasColumn("person_id")).map(TableDef::name).toList();
        assertThat(personKeyed).hasSizeGreaterThanOrEqualTo(21);
        assertThat(tablesOf.get("research_ids_assigned")).containsAll(personKeyed);
        assertThat(tablesOf.get("dates_shifted")).containsAll(personKeyed);
        assertThat(tablesOf.get("free_text_suppressed")).containsAll(personKeyed);
        // and every event table's date is known to the rules comparing dates with birth, death and the cutoff
        for (String t : personKeyed) {
            TableDef def = CdrSchema.get().table(t);
            boolean hasDates = EventDates.dateColumns(def).length > 0;
            if (hasDates && !List.of("person", "observation_period", "person_ext", "death_ext").contains(t)) {
                assertThat(EventDates.EVENT_TABLES).as(t).contains(t);
            }
        }
    }
}
