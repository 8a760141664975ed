package org.cdrbuilder.steps.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.privacy.ParticipantKeys;
import org.cdrbuilder.core.privacy.PrivacyKey;
import org.cdrbuilder.core.privacy.TierContext;
import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitOutputs;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.clean.ArrivalIds;
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.clean.RulePass;
import org.cdrbuilder.steps.common.ReferenceData;

/**
 * Makes one tier's release candidate: the privacy rules, switched and parameterized by the tier's profile
 * ({@code config/tiers/<tier>.yaml}), run over every row of every person and wearable table and its provenance.
 * One stage instance per tier ({@code privacy-<tier>}), one unit per table and part of the shared candidate
 * ({@code <table>--<part number>}), so parts keep their order (the audit reads the tier's rows in step with the rows they came from). Planning assigns research
 * ids and date shifts to new participants in the private mapping store. Vocabulary and internal tables are not
 * touched: the tier's candidate starts as a copy of the shared one.
 */
public final class PrivacyStage implements Stage {
    public static final String PREFIX = "privacy-";
    private final String tier;
    /** The tiers whose outputs this stage's units also write, from the same read (the lead stage: all others). */
    private final List<String> coTiers;
    /** Whether another tier's stage writes this stage's units (this one then only completes the tier). */
    private final boolean written;

    /** The privacy stage of a tier built alone. */
    public PrivacyStage(String tier) {
        this(tier, List.of(tier));
    }

    /**
     * The privacy stage of {@code tier} in a build of {@code tiers}. The first tier's stage reads each part of the
     * shared candidate once and writes every tier's output and report for it (the rules of each tier run over their
     * own copy of each row, so the outputs are those of separate passes); the other tiers' stages find their units
     * done and only complete their tier.
     */
    public PrivacyStage(String tier, List<String> tiers) {
        if (!tiers.contains(tier)) {
            throw new IllegalArgumentException("tier " + tier + " is not one of " + tiers);
        }
        this.tier = tier;
        boolean lead = tiers.get(0).equals(tier);
        this.coTiers = lead ? List.copyOf(tiers.subList(1, tiers.size())) : List.of();
        this.written = !lead;
    }

    public static String nameOf(String tier) {
        return PREFIX + tier;
    }

    @Override
    public String name() {
        return nameOf(tier);
    }

    public String tier() {
        return tier;
    }

    /** Tables the stage rewrites: every table of people's rows and wearables that has rows, and their provenance. */
    static List<String> tables(BuildContext ctx) {
        ReleaseCandidate shared = new ReleaseCandidate(ctx.layout(), null);
        List<String> out = new ArrayList<>();
        for (TableDef t : CdrSchema.get().tables()) {
            if ((t.group() == TableGroup.OMOP || t.group() == TableGroup.WEARABLES) && shared.holder(t.name()) != null) {
                out.add(t.name());
            }
        }
        return out;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        keys(ctx); // assign research ids and shifts to new participants before any unit runs
        tierContext(ctx, tier);
        ReleaseCandidate shared = new ReleaseCandidate(ctx.layout(), null);
        List<WorkUnit> units = new ArrayList<>();
        for (String table : tables(ctx)) {
            int n = 0;
            for (Path part : shared.parts(table)) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("table", table);
                attrs.put("part", org.cdrbuilder.core.io.Storage.externalForm(part));
                attrs.put("index", String.valueOf(units.size()));
                // a part's name is unique within its table only (a cleaning unit writes parts of several tables)
                units.add(new WorkUnit(String.format("%s--%05d", table, n++), attrs));
            }
        }
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        TableDef table = CdrSchema.get().table(unit.attr("table"));
        Path part = org.cdrbuilder.core.io.Storage.path(unit.attr("part"));
        long started = System.nanoTime();
        for (String t : coTiers) {
            ctx.layout().clearUnit(nameOf(t), unit.id()); // what an interrupted attempt left of the other tiers
        }
        List<String> tiers = laneTiers();
        List<UnitOutputs> outs = new ArrayList<>();
        List<RulePass.Lane> lanes = new ArrayList<>();
        try {
            for (String t : tiers) {
                UnitOutputs out = new UnitOutputs(ctx.layout(), nameOf(t), unit.id(), ctx.settings().parquet());
                outs.add(out);
                UnitReport report = new UnitReport();
                report.unit = unit.id();
                report.stage = nameOf(t);
                report.details.put("tier", t);
                lanes.add(new RulePass.Lane(new RulePass(engine(ctx, t), ruleContext(ctx, t), false, true), out, report));
            }
            RulePass.runLanes(ctx, name(), unit.id(), table, part, RowOrigin.ofPart(table.name(), part), lanes);
            // the other tiers first: this stage's report, written last, is what marks the unit done
            long millis = (System.nanoTime() - started) / 1_000_000;
            for (int k = tiers.size() - 1; k >= 0; k--) {
                outs.get(k).commit();
                lanes.get(k).report().millis = millis;
                ctx.layout().writeReport(nameOf(tiers.get(k)), lanes.get(k).report());
            }
        } finally {
            for (UnitOutputs out : outs) {
                out.close();
            }
        }
    }

    @Override
    public void complete(BuildContext ctx) {
        // rows the tier's rules created (none do today) get ids after the shared candidate's last ones
        ArrivalIds.finish(ctx, name(), ArrivalIds.after(ctx, CleanStage.NAME, ArrivalIds.afterHarmonize(ctx)),
                ctx.settings().parquet());
        ReleaseCandidate tiered = new ReleaseCandidate(ctx.layout(), tier);
        new ReleaseCandidate(ctx.layout(), null).copyTo(tiered);
        Set<String> written = new TreeSet<>();
        for (String t : tables(ctx)) {
            written.add(t);
            if (CdrSchema.get().findTable(t + "_ext").isPresent()) {
                written.add(t + "_ext");
            }
        }
        tiered.register(name(), written);
    }

    // ---- per-build and per-tier state, computed once per process ----

    /** The privacy key: {@code --key-file} / {@code privacy_key_file}, else {@code CDR_PRIVACY_KEY}. */
    public static PrivacyKey key(BuildContext ctx) {
        return ctx.get(KEY);
    }

    /** The privacy key (an input: key file or environment). */
    public static final Artifact<PrivacyKey> KEY = Artifact.input("privacy-key", PrivacyKey.class,
            ctx -> PrivacyKey.load(ctx.settings().privacyKeyFile()));
    /**
     * The private mapping store of research ids and date shifts, with every registry participant assigned and saved
     * on first use (an input kept in the private directory between releases, extended by this build).
     */
    public static final Artifact<ParticipantKeys> PARTICIPANT_KEYS = Artifact.input("participant-keys",
            ParticipantKeys.class, PrivacyStage::loadKeys).shipped(Artifact.Shipping.secret(ParticipantKeys::packed,
                    (packed, ctx) -> ParticipantKeys.unpack(packed, key(ctx))));
    /** A tier's profile, {@code <tier_profiles>/<tier>.yaml}. */
    public static final Artifact.PerTier<TierProfile> PROFILE = Artifact.perTier("tier-profile", TierProfile.class,
            true, (ctx, tier) -> readProfile(ctx.settings().tierProfilesDir(), tier));
    /** The generalization table of the tier profiles. */
    public static final Artifact<GeneralizationConfig> GENERALIZATION = Artifact.input("generalization",
            GeneralizationConfig.class, PrivacyStage::loadGeneralization);
    /** What a tier's privacy transforms are given: profile, keys, generalization. */
    public static final Artifact.PerTier<TierContext> TIER_CONTEXT = Artifact.perTier("tier-context",
            TierContext.class, true, (ctx, tier) -> new TierContext(tier, profile(ctx, tier), keys(ctx), generalization(ctx)));
    /** A tier's rule context over the shared candidate. */
    static final Artifact.PerTier<RuleContext> RULE_CONTEXT = Artifact.perTier("privacy-rule-context",
            RuleContext.class, false, PrivacyStage::loadRuleContext);
    /** A tier's privacy rules (new instances per tier: rules keep what they prepared), ordered and prepared. */
    static final Artifact.PerTier<RuleEngine> RULES = Artifact.perTier("privacy-rules", RuleEngine.class, false,
            PrivacyStage::loadEngine);

    @Override
    public List<Artifact<?>> needs() {
        List<Artifact<?>> needs = new ArrayList<>(List.of(ReferenceData.VOCABULARY, ReferenceData.REGISTRY, KEY,
                PARTICIPANT_KEYS, GENERALIZATION));
        for (String t : laneTiers()) {
            needs.addAll(List.of(PROFILE.of(t), TIER_CONTEXT.of(t), RULE_CONTEXT.of(t), RULES.of(t)));
        }
        return needs;
    }

    @Override
    public List<Artifact<?>> produces() {
        if (written) {
            return List.of();
        }
        List<Artifact<?>> out = new ArrayList<>();
        for (String t : laneTiers()) {
            out.add(RULE_CONTEXT.of(t));
            out.add(RULES.of(t));
        }
        return out;
    }

    /** The tiers a unit of this stage writes: its own, then the co-tiers. */
    private List<String> laneTiers() {
        List<String> t = new ArrayList<>();
        t.add(tier);
        t.addAll(coTiers);
        return t;
    }

    @Override
    public boolean doneElsewhere(WorkUnit unit, BuildContext ctx) {
        return written && ctx.layout().isDone(name(), unit.id());
    }

    /** The private mapping store, with every registry participant assigned (and saved) on first use. */
    public static ParticipantKeys keys(BuildContext ctx) {
        return ctx.get(PARTICIPANT_KEYS);
    }

    private static ParticipantKeys loadKeys(BuildContext ctx) {
        {
            int maxShift = 0;
            for (String t : org.cdrbuilder.steps.common.Tiers.of(ctx.settings())) {
                TierProfile p = profile(ctx, t);
                if (p.shiftDates) {
                    maxShift = Math.max(maxShift, p.maxShiftDays);
                }
            }
            ParticipantKeys keys = ParticipantKeys.open(mappingDir(ctx.settings().privateDir()), key(ctx),
                    maxShift == 0 ? 364 : maxShift);
            keys.assign(ReferenceData.registry(ctx).numbers(), ctx.settings().version().toString());
            keys.save();
            return keys;
        }
    }

    /** Where the mapping store lives in the private directory. */
    public static Path mappingDir(Path privateDir) {
        return privateDir.resolve("privacy");
    }

    /** The profile of a tier, {@code <tier_profiles>/<tier>.yaml}. */
    public static TierProfile profile(BuildContext ctx, String tier) {
        return ctx.get(PROFILE.of(tier));
    }

    public static TierProfile readProfile(Path dir, String tier) {
        Path file = dir.resolve(tier + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("tier '" + tier + "' has no profile: expected " + file);
        }
        TierProfile p = TierProfile.read(file);
        if (!p.name.equals(tier)) {
            throw new ConfigException(file + ": profile name '" + p.name + "' does not match the tier '" + tier + "'");
        }
        return p;
    }

    public static GeneralizationConfig generalization(BuildContext ctx) {
        return ctx.get(GENERALIZATION);
    }

    private static GeneralizationConfig loadGeneralization(BuildContext ctx) {
        {
            Path file = ctx.settings().tierProfilesDir().resolve("generalization.yaml");
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("generalization table not found: " + file);
            }
            return GeneralizationConfig.read(file);
        }
    }

    static TierContext tierContext(BuildContext ctx, String tier) {
        return ctx.get(TIER_CONTEXT.of(tier));
    }

    /** The rule context of a tier; rules prepare from the shared candidate (what the stage reads). */
    static RuleContext ruleContext(BuildContext ctx, String tier) {
        return ctx.get(RULE_CONTEXT.of(tier));
    }

    private static RuleContext loadRuleContext(BuildContext ctx, String tier) {
        {
            ReleaseCandidate shared = new ReleaseCandidate(ctx.layout(), null);
            Map<String, List<Path>> parts = new java.util.concurrent.ConcurrentHashMap<>();
            RuleContext base = new RuleContext(ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx),
                    RuleParameters.read(ctx.settings().rulesFile()), ctx.settings().cutoffDate(),
                    ctx.settings().rulesFile().getParent(), table -> parts.computeIfAbsent(table, shared::parts));
            return base.forTier(tierContext(ctx, tier));
        }
    }

    /** The privacy rules, new instances per tier (rules may keep what they prepared), ordered and prepared. */
    static RuleEngine engine(BuildContext ctx, String tier) {
        return ctx.get(RULES.of(tier));
    }

    private static RuleEngine loadEngine(BuildContext ctx, String tier) {
        {
            List<CleaningRule> rules = RuleEngine.discover().stream().filter(r -> r.info().perTier()).toList();
            RuleEngine engine = RuleEngine.of(rules);
            engine.prepare(ruleContext(ctx, tier));
            return engine;
        }
    }
}
