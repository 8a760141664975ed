package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What a cleaning rule declares about itself; the catalog ({@code cdr rules list}) and the engine read only this.
 *
 * @param id stable identifier, lower snake case; it names the rule in the ledger and the sandbox
 * @param description what the rule does, in one or two sentences a QA reviewer understands
 * @param tables tables whose rows the rule looks at
 * @param dependsOn ids of rules that must act first
 * @param tiers tiers the rule applies to; empty for every tier (the usual case)
 * @param references where the rule comes from (program rule names, issues)
 */
public record RuleInfo(String id, String description, List<String> tables, List<String> dependsOn, Set<String> tiers,
                       List<String> references) {
    public RuleInfo {
        requireNonNull(id, "id is null");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("rule id must be lower snake case: " + id);
        }
        requireNonNull(description, "description is null");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names no table");
        }
        dependsOn = List.copyOf(dependsOn);
        tiers = Set.copyOf(tiers);
        references = List.copyOf(references);
    }

    /** A rule for every tier, depending on the given rules. */
    public static RuleInfo of(String id, String description, List<String> tables, String... dependsOn) {
        return new RuleInfo(id, description, tables, List.of(dependsOn), Set.of(), List.of());
    }

    /** The {@code tiers} value of privacy rules: they run for each tier, as its profile says. */
    public static final String TIER_PROFILE = "per tier profile";

    /** A privacy rule: run by the privacy stage for each tier, switched and parameterized by the tier's profile. */
    public static RuleInfo privacy(String id, String description, List<String> tables, String... dependsOn) {
        return new RuleInfo(id, description, tables, List.of(dependsOn), Set.of(TIER_PROFILE), List.of());
    }

    /** True when the rule is a privacy rule (runs per tier). */
    public boolean perTier() {
        return tiers.contains(TIER_PROFILE);
    }

    /** True when the rule applies to every tier. */
    public boolean allTiers() {
        return tiers.isEmpty();
    }
}
