package org.cdrbuilder.steps.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.common.SiteLabels;
import org.cdrbuilder.steps.ingest.InputValidation;

/**
 * What the report of a build shows besides its checks: input validation per source and site (site ids masked as
 * they are in the release) and the ledger of the candidate (rows removed per rule).
 */
record BuildReportInputs(InputValidation validation, Ledger ledger) {
    static BuildReportInputs of(BuildContext ctx, String tier) {
        SiteLabels labels = SiteLabels.load(ctx.settings().privateDir());
        InputValidation v = InputValidation.build(ctx.layout(), site -> label(labels, site));
        Map<String, List<UnitReport>> stages = new LinkedHashMap<>();
        Pipeline.ledgerStages(tier).forEach((shown, stage) -> stages.put(shown, ctx.layout().reports(stage)));
        ReleaseCandidate candidate = ReleaseCandidate.forTier(ctx.layout(), tier);
        List<String> tables = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        for (TableDef t : ctx.schema().tables()) {
            if (t.group() == TableGroup.OMOP || t.group() == TableGroup.VOCABULARY || t.group() == TableGroup.WEARABLES) {
                tables.add(t.name());
                long n = 0;
                for (Path p : candidate.parts(t.name())) {
                    n += RowParquetReader.countRows(p);
                }
                rows.put(t.name(), n);
            }
        }
        return new BuildReportInputs(v, Ledger.compute(Pipeline.sourceStages(), stages, rows, tables));
    }

    private static String label(SiteLabels labels, String site) {
        try {
            return labels.label(site);
        } catch (IllegalStateException e) {
            return "EHR site (unlabelled)";
        }
    }
}
