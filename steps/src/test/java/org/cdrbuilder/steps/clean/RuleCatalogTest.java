package org.cdrbuilder.steps.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleCatalogException;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.junit.jupiter.api.Test;

/** The discovered catalog is consistent, and the engine refuses inconsistent ones. */
class RuleCatalogTest {

    record Fake(RuleInfo info) implements CleaningRule {
        @Override
        public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
            return Verdict.KEEP;
        }
    }

    static CleaningRule fake(String id, String... deps) {
        return new Fake(RuleInfo.of(id, "test rule", List.of("person"), deps));
    }

    @Test
    void discoveredRules_haveUniqueIds_knownTables_andAnOrderThatRespectsDependencies() {
        List<CleaningRule> rules = RuleEngine.of(RuleEngine.discover()).rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(7);
        Set<String> seen = new HashSet<>();
        for (CleaningRule r : rules) {
            assertThat(seen).as(r.info().id() + " runs after its dependencies").containsAll(r.info().dependsOn());
            seen.add(r.info().id());
            for (String t : r.info().tables()) {
                assertThat(CdrSchema.get().findTable(t)).as(r.info().id() + " table " + t).isPresent();
            }
            assertThat(r.info().description()).isNotBlank();
        }
    }

    @Test
    void engine_refusesDuplicatesUnknownDependenciesAndCycles() {
        assertThatThrownBy(() -> RuleEngine.of(List.of(fake("a"), fake("a"))))
                .isInstanceOf(RuleCatalogException.class).hasMessageContaining("duplicate rule id a");
        assertThatThrownBy(() -> RuleEngine.of(List.of(fake("a", "nope"))))
                .isInstanceOf(RuleCatalogException.class).hasMessageContaining("a depends on unknown rule nope");
        assertThatThrownBy(() -> RuleEngine.of(List.of(fake("a", "c"), fake("b", "a"), fake("c", "b"), fake("d"))))
                .isInstanceOf(RuleCatalogException.class).hasMessageContaining("cycle: [a, b, c]");
    }

    @Test
    void engine_ordersByDependencyThenId() {
        List<String> order = RuleEngine.of(List.of(fake("z"), fake("b", "z"), fake("a", "b"), fake("c")))
                .rules().stream().map(r -> r.info().id()).toList();
        assertThat(order).containsExactly("c", "z", "b", "a");
    }
}
