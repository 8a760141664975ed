package org.cdrbuilder.steps.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleEngine;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.SandboxTables;
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
    /** Created rows (backfilled answers, computed BMI) get ids from a range of their own, per unit. */
    static final long CREATED_ID_BASE = 1L << 52;

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
                attrs.put("part", part.toString());
                attrs.put("index", String.valueOf(units.size()));
                units.add(new WorkUnit(table + "." + stem, attrs));
            }
        }
        return units;
    }

    /** The rules of every tier, ordered and prepared once per build. */
    static RuleEngine engine(BuildContext ctx) {
        return ctx.cached("clean-engine", () -> {
            List<CleaningRule> rules = RuleEngine.discover().stream().filter(r -> r.info().allTiers()).toList();
            RuleEngine engine = RuleEngine.of(rules);
            engine.prepare(ruleContext(ctx));
            return engine;
        });
    }

    static RuleContext ruleContext(BuildContext ctx) {
        return ctx.cached("clean-rule-context", () -> {
            ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), null);
            Map<String, List<Path>> parts = new LinkedHashMap<>();
            return new RuleContext(ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx),
                    RuleParameters.read(ctx.settings().rulesFile()), ctx.settings().cutoffDate(),
                    ctx.settings().rulesFile().getParent(),
                    table -> parts.computeIfAbsent(table, candidate::parts));
        });
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        RuleEngine engine = engine(ctx);
        RuleContext rules = ruleContext(ctx);
        TableDef table = CdrSchema.get().table(unit.attr("table"));
        Path part = Path.of(unit.attr("part"));
        Path extPart = part.getParent().getParent().resolve(table.name() + "_ext").resolve(part.getFileName());
        boolean hasExt = Files.isRegularFile(extPart);
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        long started = System.nanoTime();
        long[] created = {CREATED_ID_BASE + (Long.parseLong(unit.attr("index")) << 28)};
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), NAME, unit.id(), ctx.settings().parquet());
             RowParquetReader main = RowParquetReader.open(part, table);
             RowParquetReader ext = hasExt ? RowParquetReader.open(extPart, CdrSchema.get().table(table.name() + "_ext")) : null) {
            Listener listener = new Listener(out, report, created);
            org.cdrbuilder.core.rules.RowOrigin origin = org.cdrbuilder.core.rules.RowOrigin.ofUnit(
                    part.getFileName().toString().replace(".parquet", ""));
            long n = 0;
            while (main.hasNext()) {
                Row row = main.next();
                Row extRow = ext == null ? null : ext.next();
                listener.currentExt = extRow;
                report.table(table.name()).in++;
                Row kept = engine.apply(row, origin, rules, listener, DomainTables::move);
                if (kept != null) {
                    out.write(kept);
                    report.table(kept.table().name()).out++;
                    if (extRow != null) {
                        out.write(extFor(kept, extRow));
                    }
                }
                if ((++n & 0x3fff) == 0) {
                    ctx.progress().rows(table.name(), 0x4000);
                    ctx.faults().checkpoint(NAME, unit.id(), n);
                }
            }
            ctx.progress().rows(table.name(), n & 0x3fff);
            out.writer(table);
            if (hasExt) {
                out.writer(CdrSchema.get().table(table.name() + "_ext"));
            }
            out.commit();
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    /** The provenance row of {@code row} (which may have moved to another table) from its original ext row. */
    static Row extFor(Row row, Row originalExt) {
        TableDef extTable = CdrSchema.get().table(row.table().name() + "_ext");
        if (extTable.name().equals(originalExt.table().name())) {
            return originalExt;
        }
        Row e = new Row(extTable);
        e.set(0, row.get(0));
        e.set("src_id", originalExt.get("src_id"));
        return e;
    }

    /** Writes sandboxes and counts what rules did. */
    private static final class Listener implements RuleEngine.Listener {
        private final UnitOutputs out;
        private final UnitReport report;
        private final long[] nextCreatedId;
        Row currentExt;

        Listener(UnitOutputs out, UnitReport report, long[] nextCreatedId) {
            this.out = out;
            this.report = report;
            this.nextCreatedId = nextCreatedId;
        }

        @Override
        public void removed(CleaningRule rule, Row before, String reason) {
            report.table(before.table().name()).remove(rule.info().id());
            out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
        }

        @Override
        public void changed(CleaningRule rule, Row before, String reason) {
            report.table(before.table().name()).change(rule.info().id());
            out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
        }

        @Override
        public void moved(CleaningRule rule, Row before, String to, String reason) {
            String from = before.table().name();
            report.table(from).movedOut.merge(to, 1L, Long::sum);
            report.table(to).movedIn.merge(from, 1L, Long::sum);
            report.table(from).change(rule.info().id());
            out.sandbox(SandboxTables.copy(before, rule.info().id(), reason));
        }

        @Override
        public void created(CleaningRule rule, List<Row> rows, String reason) {
            for (Row r : rows) {
                if (r.table().primaryKey().isPresent() && !r.table().primaryKey().get().name().equals("person_id")) {
                    r.set(0, nextCreatedId[0]++);
                }
                out.write(r);
                UnitReport.TableCounts c = report.table(r.table().name());
                c.created++;
                c.out++;
                c.createdBy.merge(rule.info().id(), 1L, Long::sum);
                if (currentExt != null && CdrSchema.get().findTable(r.table().name() + "_ext").isPresent()) {
                    out.write(extFor(r, currentExt));
                }
            }
        }
    }

    @Override
    public void complete(BuildContext ctx) {
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
