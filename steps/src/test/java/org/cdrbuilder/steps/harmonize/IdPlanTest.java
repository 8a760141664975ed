package org.cdrbuilder.steps.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.stage.UnitReport;
import org.junit.jupiter.api.Test;

/** Release ids are planned per table: dense from 1, in unit order, within the release's id width. */
class IdPlanTest {
    private static UnitReport unit(String id, String kind, Map<String, Long> rows) {
        UnitReport r = new UnitReport();
        r.unit = id;
        r.sourceKind = kind;
        rows.forEach((t, n) -> r.table(t).out = n);
        return r;
    }

    @Test
    void eachTableNumbersItsOwnRowsFromOne_inUnitOrder() {
        List<UnitReport> ingest = List.of(
                unit("survey.b", "survey", Map.of("observation", 10L, "survey_conduct", 2L)),
                unit("ehr.a.observation", "ehr", Map.of("observation", 5L)),
                unit("ehr.a.measurement", "ehr", Map.of("measurement", 7L)),
                unit("fitbit.x", "fitbit", Map.of("steps_intraday", 1000L)));
        assertThat(IdPlan.compute(ingest)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ehr.a.measurement/measurement", 1L,
                "ehr.a.observation/observation", 1L,
                "survey.b/observation", 6L,
                "survey.b/survey_conduct", 1L));
        assertThat(IdPlan.nextIds(ingest)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "measurement", 8L, "observation", 16L, "survey_conduct", 3L));
    }

    @Test
    void aTableThatWouldPass32Bits_failsNamingIt_unlessIdsAre64Bit() {
        long max = Integer.MAX_VALUE;
        IdPlan.checkFits(Map.of("measurement", max + 1), max, "release ids"); // the last id is 2^31-1: fits
        assertThatThrownBy(() -> IdPlan.checkFits(Map.of("condition_occurrence", 10L, "measurement", max + 2), max,
                "release ids"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("table measurement needs release ids up to 2147483648")
                .hasMessageContaining("id_bits: 64");
        IdPlan.checkFits(Map.of("measurement", max + 2), Long.MAX_VALUE, "release ids");
    }
}
