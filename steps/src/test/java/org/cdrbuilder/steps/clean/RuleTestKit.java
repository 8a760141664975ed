package org.cdrbuilder.steps.clean;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;

/**
 * Runs cleaning rules over hand-made rows, for tests in the shape "rows loaded / rows sandboxed / rows remaining".
 * Holds a small registry, vocabulary and parameters; tables given with {@link #table} are what {@code prepare} reads.
 */
public final class RuleTestKit {
    public static final LocalDate CUTOFF = LocalDate.of(2026, 10, 1);

    private final Path dir;
    private final List<Participant> participants = new ArrayList<>();
    private final Vocabulary.Builder vocabulary = Vocabulary.builder(Set.of("PPI", "ICD10CM", "SNOMED", "LOINC", "UCUM"));
    private final RuleParameters parameters = new RuleParameters();
    private final Map<String, List<Path>> tables = new LinkedHashMap<>();

    public RuleTestKit(Path dir) {
        this.dir = dir;
        concept(0, "Metadata", "None", null, "No matching concept");
    }

    /** A row of a table from column/value pairs. */
    public static Row row(String table, Object... columnsAndValues) {
        Row r = new Row(CdrSchema.get().table(table));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            r.set((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return r;
    }

    /** A consenting adult participant (born 1970-01-01, consent 2019-01-01, EHR consent yes) unless changed. */
    public RuleTestKit participant(long number) {
        return participant(number, b -> { });
    }

    public RuleTestKit participant(long number, Consumer<ParticipantSpec> spec) {
        ParticipantSpec s = new ParticipantSpec();
        spec.accept(s);
        participants.add(new Participant(number, s.birthDate, s.primaryConsentDate, s.ehrConsent, s.primaryConsentDate,
                s.withdrawalDate, s.deactivationDate, "site", "core_participant", null, null, s.state, s.zipCode));
        return this;
    }

    /** Mutable details of a test participant. */
    public static final class ParticipantSpec {
        public LocalDate birthDate = LocalDate.of(1970, 1, 1);
        public LocalDate primaryConsentDate = LocalDate.of(2019, 1, 1);
        public boolean ehrConsent = true;
        public LocalDate withdrawalDate;
        public LocalDate deactivationDate;
        public String state = "CA";
        public String zipCode;
    }

    public RuleTestKit concept(int id, String domain, String vocabularyId, String standard, String code) {
        vocabulary.concept(row("concept", "concept_id", id, "concept_name", "c" + id, "domain_id", domain,
                "vocabulary_id", vocabularyId, "concept_class_id", "x", "standard_concept", standard,
                "concept_code", code, "valid_start_date", LocalDate.of(1970, 1, 1),
                "valid_end_date", LocalDate.of(2099, 12, 31)));
        return this;
    }

    public RuleTestKit mapsTo(int from, int to) {
        vocabulary.relationship(row("concept_relationship", "concept_id_1", from, "concept_id_2", to,
                "relationship_id", "Maps to", "valid_start_date", LocalDate.of(1970, 1, 1),
                "valid_end_date", LocalDate.of(2099, 12, 31)));
        return this;
    }

    public RuleTestKit parameters(Consumer<RuleParameters> change) {
        change.accept(parameters);
        return this;
    }

    /** Rows a rule's {@code prepare} sees for a table. */
    public RuleTestKit table(String table, List<Row> rows) {
        return table(table, "part-" + tables.getOrDefault(table, List.of()).size(), rows);
    }

    /**
     * Rows of a table in a part named after the unit they came from (e.g. {@code ehr.<site>.<table>}), as the stages
     * name parts: rules that prepare per origin see it.
     */
    public RuleTestKit table(String table, String unit, List<Row> rows) {
        Path file = dir.resolve("tables").resolve(table).resolve(unit + ".parquet");
        try (RowParquetWriter w = RowParquetWriter.open(file, CdrSchema.get().table(table), ParquetOptions.WORK)) {
            rows.forEach(w::write);
        }
        tables.computeIfAbsent(table, k -> new ArrayList<>()).add(file);
        return this;
    }

    /** The key privacy tests derive research ids, shifts and masks from. */
    public static final org.cdrbuilder.core.privacy.PrivacyKey KEY =
            org.cdrbuilder.core.privacy.PrivacyKey.of("rule-test-kit-key-0123456789");

    private String tier;
    private Consumer<org.cdrbuilder.core.privacy.TierProfile> profileChange = p -> { };
    private org.cdrbuilder.core.privacy.ParticipantKeys keys;

    /**
     * Runs privacy rules as the tier's privacy stage does: with the repository's profile of {@code tierName}
     * ({@code config/tiers/<tier>.yaml}, changed by {@code change}), its generalization table, and a mapping store
     * holding every test participant.
     */
    public RuleTestKit tier(String tierName, Consumer<org.cdrbuilder.core.privacy.TierProfile> change) {
        this.tier = tierName;
        this.profileChange = change;
        return this;
    }

    public RuleTestKit tier(String tierName) {
        return tier(tierName, p -> { });
    }

    /** The mapping store of the tier run (after {@link #context()}). */
    public org.cdrbuilder.core.privacy.ParticipantKeys keys() {
        return keys;
    }

    /** The rule context, with {@code configDir} the repository's config folder (and the tier's, when set). */
    public RuleContext context() {
        Registry registry = Registry.of(participants);
        RuleContext ctx = new RuleContext(registry, vocabulary.build(), parameters, CUTOFF,
                TestFiles.repoRoot().resolve("config"), t -> tables.getOrDefault(t, List.of()));
        if (tier == null) {
            return ctx;
        }
        Path tiers = TestFiles.repoRoot().resolve("config/tiers");
        org.cdrbuilder.core.privacy.TierProfile profile = org.cdrbuilder.core.privacy.TierProfile.read(tiers.resolve(tier + ".yaml"));
        profileChange.accept(profile);
        if (keys == null) {
            keys = org.cdrbuilder.core.privacy.ParticipantKeys.open(dir.resolve("private/privacy"), KEY, profile.maxShiftDays);
        }
        keys.assign(registry.numbers(), "v1");
        return ctx.forTier(new org.cdrbuilder.core.privacy.TierContext(tier, profile, keys,
                org.cdrbuilder.core.privacy.GeneralizationConfig.read(tiers.resolve("generalization.yaml"))));
    }

    /** What running rules over rows did. */
    public static final class Result {
        public final List<Row> remaining = new ArrayList<>();
        /** Rows as they were before a rule removed, changed or moved them, with the rule id and reason. */
        public final List<Sandboxed> sandboxed = new ArrayList<>();
        public final List<Row> created = new ArrayList<>();

        public List<Row> removed() {
            return sandboxed.stream().filter(s -> s.action.equals("removed")).map(s -> s.before).toList();
        }

        public List<Row> changed() {
            return sandboxed.stream().filter(s -> s.action.equals("changed")).map(s -> s.before).toList();
        }
    }

    /** A sandboxed row. */
    public record Sandboxed(String action, String ruleId, String reason, Row before) {
    }

    /** Runs the given rules (and only them, in dependency order among themselves) over the rows. */
    public Result run(List<CleaningRule> rules, RowOrigin origin, List<Row> rows) {
        RuleContext ctx = context();
        Set<String> ids = new java.util.HashSet<>();
        rules.forEach(r -> ids.add(r.info().id()));
        RuleEngine engine = RuleEngine.of(rules.stream().map(r -> keepDependencies(r, ids)).toList());
        engine.prepare(ctx);
        Result result = new Result();
        RuleEngine.Listener listener = new RuleEngine.Listener() {
            @Override
            public void removed(CleaningRule rule, Row before, String reason) {
                result.sandboxed.add(new Sandboxed("removed", rule.info().id(), reason, before.copy()));
            }

            @Override
            public void changed(CleaningRule rule, Row before, String reason) {
                result.sandboxed.add(new Sandboxed("changed", rule.info().id(), reason, before));
            }

            @Override
            public void moved(CleaningRule rule, Row before, String to, String reason) {
                result.sandboxed.add(new Sandboxed("moved to " + to, rule.info().id(), reason, before.copy()));
            }

            @Override
            public void created(CleaningRule rule, List<Row> created, String reason) {
                result.created.addAll(created);
            }
        };
        for (Row r : rows) {
            Row kept = engine.apply(r.copy(), origin, ctx, listener, DomainTables::move);
            if (kept != null) {
                result.remaining.add(kept);
            }
        }
        return result;
    }

    public Result run(CleaningRule rule, RowOrigin origin, List<Row> rows) {
        return run(List.of(rule), origin, rows);
    }

    public Result run(CleaningRule rule, List<Row> rows) {
        return run(List.of(rule), new RowOrigin("ehr", "site"), rows);
    }

    /** A rule as tested: its dependencies on rules that are not under test are dropped. */
    private static CleaningRule keepDependencies(CleaningRule rule, Set<String> underTest) {
        var i = rule.info();
        var info = new org.cdrbuilder.core.rules.RuleInfo(i.id(), i.description(), i.tables(),
                i.dependsOn().stream().filter(underTest::contains).toList(), i.tiers(), i.references());
        return new CleaningRule() {
            @Override
            public org.cdrbuilder.core.rules.RuleInfo info() {
                return info;
            }

            @Override
            public void prepare(RuleContext ctx) {
                rule.prepare(ctx);
            }

            @Override
            public org.cdrbuilder.core.rules.Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
                return rule.check(row, origin, ctx);
            }

            @Override
            public org.cdrbuilder.core.rules.ChangedColumns changes() {
                return rule.changes();
            }

            @Override
            public boolean activeIn(org.cdrbuilder.core.privacy.TierProfile profile, String table) {
                return rule.activeIn(profile, table);
            }

            @Override
            public Scope scope() {
                return rule.scope();
            }
        };
    }
}
