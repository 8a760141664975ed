package org.cdrbuilder.steps.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.registry.Registry;
import org.junit.jupiter.api.Test;

class PersonScanTest {
    private static final LocalDate CUTOFF = LocalDate.of(2026, 10, 1);

    private static Participant participant(long number, String consent, String core, String biospecimen) {
        return new Participant(number, LocalDate.of(1970, 1, 1), date(consent), true, date(consent), null, null, "site",
                core == null ? "participant" : "core_participant", date(core), date(biospecimen), "NY", "10001");
    }

    private static LocalDate date(String d) {
        return d == null ? null : LocalDate.parse(d);
    }

    @Test
    void registryFacts_countMonthsAndBiospecimensUpToTheCutoff() {
        Registry registry = Registry.of(List.of(participant(1, "2019-01-05", "2019-02-01", "2019-02-01"),
                participant(2, "2019-01-20", null, null), participant(3, "2019-03-01", "2026-11-01", "2026-11-01"),
                participant(4, "2018-12-01", null, null)));
        PersonIndex persons = PersonIndex.of(new long[] {1, 2, 3}, new int[] {1970, 1970, 1970});
        ScanFacts.Persons f = new ScanFacts.Persons();
        PersonScan.registryFacts(f, persons, registry, CUTOFF, "base");
        assertThat(f.enrolled).as("participant 4 is not in the tier").containsExactly(
                java.util.Map.entry("2019-01", 2L), java.util.Map.entry("2019-03", 1L));
        assertThat(f.completedInitialSteps).as("after the cutoff does not count")
                .containsExactly(java.util.Map.entry("2019-02", 1L));
        assertThat(PersonSets.decode(f.biospecimens).toArray()).containsExactly(0);
    }

    @Test
    void registryFacts_refuseAPersonTheRegistryDoesNotKnow() {
        Registry registry = Registry.of(List.of(participant(1, "2019-01-05", null, null)));
        PersonIndex persons = PersonIndex.of(new long[] {1, 900000001L}, new int[] {1970, 1980});
        assertThatThrownBy(() -> PersonScan.registryFacts(new ScanFacts.Persons(), persons, registry, CUTOFF, "registered"))
                .hasMessageContaining("person_id 900000001 of tier registered is not the research id of a registry participant");
    }
}
