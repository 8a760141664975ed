package org.cdrbuilder.steps.privacy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.steps.clean.RuleTestKit.row;
import static org.cdrbuilder.steps.privacy.rules.PrivacyRows.condition;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.steps.clean.RuleTestKit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** research_ids_assigned: person ids become the mapping store's 7-digit research ids in every tier. */
class ResearchIdsAssignedTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"registered", "controlled"})
    void everyPersonKeyedRow_getsTheResearchId(String tier) {
        var kit = new RuleTestKit(tmp).participant(300000001).participant(300000002).tier(tier);
        var ext = row("person_ext", "person_id", 300000002L, "src_id", "Participant Portal 1");
        var result = kit.run(new ResearchIdsAssigned(), List.of(condition(1, 300000001, 0, null), ext));
        long r1 = kit.keys().researchId(300000001);
        long r2 = kit.keys().researchId(300000002);
        assertThat(r1).isBetween(1_000_000L, 9_999_999L).isNotEqualTo(r2);
        assertThat(result.remaining).extracting(r -> r.get("person_id")).containsExactly(r1, r2);
        assertThat(kit.keys().participant(r1)).isEqualTo(300000001L);
    }
}
