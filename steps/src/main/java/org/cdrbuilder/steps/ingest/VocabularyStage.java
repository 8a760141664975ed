package org.cdrbuilder.steps.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.TableDef;

/**
 * Reads the Athena vocabulary (tab-delimited {@code yyyyMMdd} or comma/ISO, {@code .gz} accepted) into staged
 * vocabulary tables, one unit per file. It runs before the other inputs are read because their readers look codes up
 * in it (PPI questions and answers, LOINC, UCUM).
 */
public final class VocabularyStage implements Stage {
    public static final String NAME = "vocabulary";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<org.cdrbuilder.core.stage.Artifact<?>> produces() {
        return List.of(org.cdrbuilder.steps.common.ReferenceData.VOCABULARY);
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        List<WorkUnit> units = new ArrayList<>();
        for (DropLayout.InputFile f : IngestStage.drop(ctx).vocabularyFiles(new ArrayList<>())) {
            units.add(new WorkUnit("vocab." + f.table(), Map.of("kind", "vocabulary", "table", f.table(),
                    "path", org.cdrbuilder.core.io.Storage.externalForm(f.path()), "file", f.relativePath())));
        }
        if (units.stream().noneMatch(u -> "concept".equals(u.attr("table")))) {
            throw new InputsRejectedException("no CONCEPT.csv in the vocabulary directory " + ctx.settings().vocabulary());
        }
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        TableDef table = ctx.schema().table(unit.attr("table"));
        UnitReport report = TableFileIngest.run(ctx, NAME, unit, table, org.cdrbuilder.core.io.Storage.path(unit.attr("path")), unit.attr("file"),
                null, null, null);
        ctx.layout().writeReport(NAME, report);
    }

    @Override
    public void complete(BuildContext ctx) {
        ProductConcepts.add(ctx);
        ctx.invalidate(org.cdrbuilder.steps.common.ReferenceData.VOCABULARY);
        new ReleaseCandidate(ctx.layout(), null).register(NAME, DropLayout.VOCABULARY_TABLES);
    }
}
