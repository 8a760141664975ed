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

    public PrivacyStage(String tier) {
        this.tier = tier;
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
                attrs.put("part", part.toString());
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
        Path part = Path.of(unit.attr("part"));
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = name();
        report.details.put("tier", tier);
        long started = System.nanoTime();
        RulePass pass = new RulePass(engine(ctx, tier), ruleContext(ctx, tier), false, true);
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), name(), unit.id(), ctx.settings().parquet())) {
            pass.run(ctx, name(), unit.id(), table, part, RowOrigin.ofPart(table.name(), part), out, report);
            out.commit();
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(name(), report);
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
        return ctx.cached("privacy-key", () -> PrivacyKey.load(ctx.settings().privacyKeyFile()));
    }

    /** The private mapping store, with every registry participant assigned (and saved) on first use. */
    public static ParticipantKeys keys(BuildContext ctx) {
        return ctx.cached("privacy-keys", () -> {
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
        });
    }

    /** Where the mapping store lives in the private directory. */
    public static Path mappingDir(Path privateDir) {
        return privateDir.resolve("privacy");
    }

    /** The profile of a tier, {@code <tier_profiles>/<tier>.yaml}. */
    public static TierProfile profile(BuildContext ctx, String tier) {
        return ctx.cached("tier-profile-" + tier, () -> readProfile(ctx.settings().tierProfilesDir(), tier));
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
        return ctx.cached("generalization", () -> {
            Path file = ctx.settings().tierProfilesDir().resolve("generalization.yaml");
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("generalization table not found: " + file);
            }
            return GeneralizationConfig.read(file);
        });
    }

    static TierContext tierContext(BuildContext ctx, String tier) {
        return ctx.cached("tier-context-" + tier,
                () -> new TierContext(tier, profile(ctx, tier), keys(ctx), generalization(ctx)));
    }

    /** The rule context of a tier; rules prepare from the shared candidate (what the stage reads). */
    static RuleContext ruleContext(BuildContext ctx, String tier) {
        return ctx.cached("privacy-rule-context-" + tier, () -> {
            ReleaseCandidate shared = new ReleaseCandidate(ctx.layout(), null);
            Map<String, List<Path>> parts = new java.util.concurrent.ConcurrentHashMap<>();
            RuleContext base = new RuleContext(ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx),
                    RuleParameters.read(ctx.settings().rulesFile()), ctx.settings().cutoffDate(),
                    ctx.settings().rulesFile().getParent(), table -> parts.computeIfAbsent(table, shared::parts));
            return base.forTier(tierContext(ctx, tier));
        });
    }

    /** The privacy rules, new instances per tier (rules may keep what they prepared), ordered and prepared. */
    static RuleEngine engine(BuildContext ctx, String tier) {
        return ctx.cached("privacy-engine-" + tier, () -> {
            List<CleaningRule> rules = RuleEngine.discover().stream().filter(r -> r.info().perTier()).toList();
            RuleEngine engine = RuleEngine.of(rules);
            engine.prepare(ruleContext(ctx, tier));
            return engine;
        });
    }
}
