package org.cdrbuilder.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.generator.Planted;

/**
 * Compares a tier's release ledger with what the generator planted ({@code planted.json}), table by table: source
 * rows, quarantine, every removal (exactly: a rule removing rows nothing was planted for fails), the planted changes
 * (a changed key the generator does not plant, such as a later stage's, is not compared), created and moved rows,
 * and published rows.
 */
final class PlantedLedger {
    /** The tiers the generator predicts. */
    static final List<String> TIERS = List.of(Planted.REGISTERED, Planted.CONTROLLED);

    /**
     * Rules no generated drop can give rows to act on, or whose effect the generator does not predict exactly, with
     * the reason. Every other rule must have planted rows (a new rule without planted data fails the test).
     */
    static final Map<String, String> NOT_PLANTED = Map.of(
            // earliest_birth_year 1900 + maximum_age_years 150 (config/rules.yaml): a date more than 150 years after a
            // birth that birth_year_implausible lets through is after 2050, hence after the cutoff, and
            // data_after_cutoff, which runs first, removes it
            "event_long_after_birth", "unreachable with the program's parameters",
            // sites send notes (the only one of note, location, provider, care_site they send), but harmonization
            // removes every note row (harmonize/table_always_published_empty); none reaches the privacy stage
            "tables_published_empty", "no row of its tables reaches the privacy stage",
            // changes only; which answers change depends on the state person_ext ends up with after harmonization and
            // on tier-wide counts per state: not predicted, the tier only has to reconcile
            "state_generalized", "not predicted exactly",
            // the generator's participants enrol as adults and their EHR starts years after birth; events on the birth
            // date come from real feeds: RealRegistryFeedTest plants them into the Eunomia fixture and checks the rule
            "birth_date_events_suppressed", "the generator writes no event on a birth date");

    private PlantedLedger() {
    }

    static void assertMatches(Planted planted, String tier, Ledger ledger) {
        SoftAssertions soft = new SoftAssertions();
        Planted.Tier own = planted.tiers.get(tier);
        Set<String> tables = new TreeSet<>(planted.generated.keySet());
        tables.addAll(planted.derived.keySet());
        for (String table : tables) {
            String at = tier + " " + table;
            Ledger.Entry l = ledger.tables.get(table);
            if (l == null) {
                soft.fail(at + ": not in the ledger");
                continue;
            }
            soft.assertThat(l.source).as(at + " source rows").isEqualTo(planted.generated.getOrDefault(table, 0L));
            soft.assertThat(l.quarantined).as(at + " quarantined").isEqualTo(planted.quarantined.getOrDefault(table, 0L));
            soft.assertThat(l.removed).as(at + " removed by").isEqualTo(merged(table, planted.removed, own.removed));
            merged(table, planted.changed, own.changed).forEach((rule, n) ->
                    soft.assertThat(l.changed.getOrDefault(rule, 0L)).as(at + " changed by " + rule).isEqualTo(n));
            merged(table, own.changedAtLeast).forEach((rule, n) -> soft.assertThat(l.changed.getOrDefault(rule, 0L))
                    .as(at + " changed by " + rule + " (at least the planted rows)").isGreaterThanOrEqualTo(n));
            Map<String, Long> createdBy = merged(table, planted.created);
            soft.assertThat(l.createdBy).as(at + " created by").isEqualTo(createdBy);
            soft.assertThat(l.created).as(at + " created (rules and derive stage)").isEqualTo(
                    createdBy.values().stream().mapToLong(Long::longValue).sum() + planted.derived.getOrDefault(table, 0L));
            soft.assertThat(l.movedOut).as(at + " moved out").isEqualTo(planted.moved.getOrDefault(table, Map.of()));
            Map<String, Long> movedIn = new TreeMap<>();
            planted.moved.forEach((from, to) -> {
                if (to.containsKey(table)) {
                    movedIn.put(from, to.get(table));
                }
            });
            soft.assertThat(l.movedIn).as(at + " moved in").isEqualTo(movedIn);
            soft.assertThat(l.published).as(at + " published").isEqualTo(planted.expectedPublished(tier, table));
            soft.assertThat(l.reconciled).as(at + " reconciles").isTrue();
        }
        soft.assertAll();
    }

    /** Every rule of the engine that is not in {@link #NOT_PLANTED} has planted rows (some tier, some table). */
    static void assertEveryRulePlanted(Planted planted) {
        List<CleaningRule> rules = RuleEngine.discover();
        SoftAssertions soft = new SoftAssertions();
        Set<String> ids = new TreeSet<>();
        for (CleaningRule r : rules) {
            String id = r.info().id();
            ids.add(id);
            if (NOT_PLANTED.containsKey(id)) {
                continue;
            }
            String key = (r.info().perTier() ? "privacy/" : "clean/") + id;
            soft.assertThat(plantedRows(planted, key)).as(key + " has planted rows: plant data for it in the "
                    + "generator, or add it to NOT_PLANTED with the reason").isPositive();
        }
        soft.assertThat(ids).as("rules NOT_PLANTED names").containsAll(NOT_PLANTED.keySet());
        soft.assertAll();
    }

    static long plantedRows(Planted planted, String key) {
        long n = sum(planted.removed.get(key)) + sum(planted.changed.get(key)) + sum(planted.created.get(key));
        for (Planted.Tier t : planted.tiers.values()) {
            n += sum(t.removed.get(key)) + sum(t.changed.get(key)) + sum(t.changedAtLeast.get(key));
        }
        return n;
    }

    private static long sum(Map<String, Long> byTable) {
        return byTable == null ? 0 : byTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** rule -> rows of {@code table}, summed over the maps (shared and tier-own keys never collide). */
    @SafeVarargs
    private static Map<String, Long> merged(String table, Map<String, Map<String, Long>>... maps) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Map<String, Long>> m : maps) {
            m.forEach((rule, byTable) -> {
                Long n = byTable.get(table);
                if (n != null && n != 0) {
                    out.merge(rule, n, Long::sum);
                }
            });
        }
        return out;
    }
}
