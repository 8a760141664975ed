package org.cdrbuilder.steps.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Reads every input of the drop and the vocabulary into typed, schema-valid rows (staged Parquet), one unit per
 * input file, quarantining what cannot be used. Identifying registry columns are dropped here.
 */
public final class IngestStage implements Stage {
    public static final String NAME = "ingest";
    public static final String IGNORED_STATE = "ignored-inputs.json";

    @Override
    public String name() {
        return NAME;
    }

    static DropLayout drop(BuildContext ctx) {
        return new DropLayout(ctx.settings().drop(), ctx.settings().vocabulary());
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        DropLayout drop = drop(ctx);
        List<DropLayout.Ignored> ignored = new ArrayList<>();
        List<WorkUnit> units = new ArrayList<>();
        if (!Files.isRegularFile(drop.registryFile())) {
            throw new InputsRejectedException("participant registry not found: " + drop.registryFile());
        }
        units.add(new WorkUnit("registry", Map.of("kind", "registry")));
        List<DropLayout.InputFile> vocab = drop.vocabularyFiles(ignored);
        if (vocab.stream().noneMatch(f -> f.table().equals("concept"))) {
            throw new InputsRejectedException("no CONCEPT.csv in the vocabulary directory " + ctx.settings().vocabulary());
        }
        for (DropLayout.InputFile f : vocab) {
            units.add(new WorkUnit("vocab." + f.table(), Map.of("kind", "vocabulary", "table", f.table(),
                    "path", f.path().toString(), "file", f.relativePath())));
        }
        Set<String> accepted = new HashSet<>(ctx.settings().ingest().ehrTables);
        accepted.addAll(ctx.settings().ingest().suppressedTables);
        for (DropLayout.InputFile f : drop.ehrFiles(accepted, ignored)) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("kind", "ehr");
            attrs.put("site", f.site());
            attrs.put("table", f.table());
            attrs.put("path", f.path().toString());
            attrs.put("file", f.relativePath());
            units.add(new WorkUnit("ehr." + WorkUnit.safe(f.site()) + "." + f.table(), attrs));
        }
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        UnitReport report = switch (unit.attr("kind")) {
            case "registry" -> RegistryIngest.run(ctx, NAME, unit, drop(ctx));
            case "vocabulary" -> vocabulary(unit, ctx);
            case "ehr" -> ehr(unit, ctx);
            default -> throw new IllegalArgumentException("unknown ingest unit kind " + unit.attr("kind"));
        };
        ctx.layout().writeReport(NAME, report);
    }

    private static UnitReport vocabulary(WorkUnit unit, BuildContext ctx) {
        TableDef table = ctx.schema().table(unit.attr("table"));
        return TableFileIngest.run(ctx, NAME, unit, table, Path.of(unit.attr("path")), unit.attr("file"),
                null, null, null);
    }

    /** The shape of staged rows of a table: NOT NULL columns that harmonization derives may be empty. */
    public static TableDef stagedTable(BuildContext ctx, String table) {
        return ctx.schema().table(table).relaxed(ctx.settings().ingest().derivable(table));
    }

    private static UnitReport ehr(WorkUnit unit, BuildContext ctx) {
        TableDef table = stagedTable(ctx, unit.attr("table"));
        TableFileIngest.RowCheck check = null;
        if (table.name().equals("visit_occurrence")) {
            // visits are referenced by other tables through their site-local id, which must therefore be unique
            LongHashSet seen = new LongHashSet();
            int pk = table.indexOf("visit_occurrence_id");
            check = (Row row) -> seen.add(row.getLong(pk)) ? null
                    : new Violation("visit_occurrence_id", "duplicate visit_occurrence_id in the file",
                    String.valueOf(row.getLong(pk)));
        }
        return TableFileIngest.run(ctx, NAME, unit, table, Path.of(unit.attr("path")), unit.attr("file"),
                ctx.settings().ingest().aliases(table.name()), ctx.settings().ingest().derivable(table.name()), check,
                null);
    }

    @Override
    public void complete(BuildContext ctx) {
        List<DropLayout.Ignored> ignored = new ArrayList<>();
        DropLayout drop = drop(ctx);
        Set<String> accepted = new HashSet<>(ctx.settings().ingest().ehrTables);
        accepted.addAll(ctx.settings().ingest().suppressedTables);
        drop.vocabularyFiles(ignored);
        drop.ehrFiles(accepted, ignored);
        WorkLayout.writeJson(ctx.layout().state(IGNORED_STATE), ignored);
    }
}
