package org.cdrbuilder.steps.clean;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RowOrigin;
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
import org.cdrbuilder.steps.common.ReferenceData;

/**
 * Runs the cleaning rules over every row of the clinical, person and wearable tables, one unit per part of the
 * previous stage. What a rule removes or changes is copied, as it was, to the sandbox with the rule id and reason,
 * and counted per table and rule in the unit report (the ledger is built from those counts). A row's {@code _ext}
 * provenance row travels with it (the two files are read in step), also when the row moves to another table.
 */
public final class CleanStage implements Stage {
    public static final String NAME = "clean";
    /** System property for benchmarks only ({@code scripts/benchmark-rules}): the stage passes rows through with no rule. */
    /** Detail of a unit report: the ingest unit whose rows the part holds. */
    public static final String SOURCE_UNIT = "source_unit";
    public static final String WITHOUT_RULES = "cdr.benchmark.cleanWithoutRules";

    @Override
    public String name() {
        return NAME;
    }

    /** Tables the stage passes through the rules: everything with rows except provenance, mappings and vocabulary. */
    static List<String> cleanedTables(BuildContext ctx) {
        ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), null);
        List<String> out = new ArrayList<>();
        for (TableDef t : CdrSchema.get().tables()) {
            if ((t.group() == TableGroup.OMOP || t.group() == TableGroup.WEARABLES) && candidate.holder(t.name()) != null
                    && !t.name().equals("observation_period")) {
                out.add(t.name());
            }
        }
        return out;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), null);
        List<WorkUnit> units = new ArrayList<>();
        for (String table : cleanedTables(ctx)) {
            for (Path part : candidate.parts(table)) {
                String stem = part.getFileName().toString().replace(".parquet", "");
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("table", table);
                attrs.put("part", org.cdrbuilder.core.io.Storage.externalForm(part));
                attrs.put("index", String.valueOf(units.size()));
                units.add(new WorkUnit(table + "." + stem, attrs));
            }
        }
        return units;
    }

    /** The cleaning rules' context over the harmonized candidate (registry, vocabulary, parameters, parts). */
    static final Artifact<RuleContext> RULE_CONTEXT = Artifact.product("clean-rule-context", RuleContext.class,
            CleanStage::loadRuleContext);
    /** The rules of every tier, ordered and prepared (from the harmonized candidate) once per build. */
    static final Artifact<RuleEngine> RULES = Artifact.product("clean-rules", RuleEngine.class, CleanStage::loadEngine);

    @Override
    public List<Artifact<?>> needs() {
        return List.of(ReferenceData.VOCABULARY, ReferenceData.REGISTRY, RULE_CONTEXT, RULES);
    }

    @Override
    public List<Artifact<?>> produces() {
        return List.of(RULE_CONTEXT, RULES);
    }

    static RuleEngine engine(BuildContext ctx) {
        return ctx.get(RULES);
    }

    private static RuleEngine loadEngine(BuildContext ctx) {
        {
            List<CleaningRule> rules = Boolean.getBoolean(WITHOUT_RULES) ? List.of()
                    : RuleEngine.discover().stream().filter(r -> r.info().allTiers()).toList();
            RuleEngine engine = RuleEngine.of(rules);
            engine.prepare(ruleContext(ctx));
            return engine;
        }
    }

    static RuleContext ruleContext(BuildContext ctx) {
        return ctx.get(RULE_CONTEXT);
    }

    private static RuleContext loadRuleContext(BuildContext ctx) {
        {
            ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), null);
            Map<String, List<Path>> parts = new java.util.concurrent.ConcurrentHashMap<>();
            return new RuleContext(ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx),
                    RuleParameters.read(ctx.settings().rulesFile()), ctx.settings().cutoffDate(),
                    ctx.settings().rulesFile().getParent(),
                    table -> parts.computeIfAbsent(table, candidate::parts));
        }
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        TableDef table = CdrSchema.get().table(unit.attr("table"));
        Path part = org.cdrbuilder.core.io.Storage.path(unit.attr("part"));
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        // the ingest unit the part came from, which names its source (site, file) for the accounting checks
        report.details.put(SOURCE_UNIT, part.getFileName().toString().replace(".parquet", ""));
        long started = System.nanoTime();
        RulePass pass = new RulePass(engine(ctx), ruleContext(ctx), true, false);
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), NAME, unit.id(), ctx.settings().workParquet())) {
            pass.run(ctx, NAME, unit.id(), table, part, RowOrigin.ofUnit(part.getFileName().toString().replace(".parquet", "")),
                    out, report);
            out.commit();
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    @Override
    public void complete(BuildContext ctx) {
        // rows the rules created or moved get their ids: after each table's last harmonized id
        ArrivalIds.finish(ctx, NAME, ArrivalIds.afterHarmonize(ctx), ctx.settings().workParquet());
        Set<String> tables = new TreeSet<>();
        for (String t : cleanedTables(ctx)) {
            tables.add(t);
            if (CdrSchema.get().findTable(t + "_ext").isPresent()) {
                tables.add(t + "_ext");
            }
        }
        new ReleaseCandidate(ctx.layout(), null).register(NAME, tables);
    }
}
