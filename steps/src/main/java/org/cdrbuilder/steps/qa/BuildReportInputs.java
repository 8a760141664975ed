package org.cdrbuilder.steps.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.common.SiteLabels;
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.InputValidation;
import org.cdrbuilder.steps.qa.accounting.AccountingFacts;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;

/**
 * What the report of a build shows besides its checks: input validation per source and site (site ids masked as
 * they are in the release) and the ledger of the candidate (rows removed per rule). Computed once per tier and build
 * ({@link #RELEASE_REPORT}): QA judges it, the QA report shows it and publish writes it into the release.
 */
public record BuildReportInputs(InputValidation validation, Ledger ledger, List<AccountingFacts.SourceRemovals> removals) {
    /** The release report of a tier: input validation, ledger and removals per source, from the data stages' reports. */
    public static final Artifact.PerTier<BuildReportInputs> RELEASE_REPORT = Artifact.perTier("release-report",
            BuildReportInputs.class, false, BuildReportInputs::of);

    static BuildReportInputs of(BuildContext ctx, String tier) {
        SiteLabels labels = SiteLabels.load(ctx.settings().privateDir());
        InputValidation v = InputValidation.build(ctx.layout(), site -> label(labels, site));
        List<AccountingFacts.SourceRemovals> removals = removals(ctx, labels);
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
        return new BuildReportInputs(v, Ledger.compute(Pipeline.sourceStages(), stages, rows, tables), removals);
    }

    /** The facts of the accounting checks for this tier. */
    AccountingFacts facts(ReleaseComparison comparison) {
        return new AccountingFacts(validation, ledger, removals, comparison);
    }

    /**
     * Rows each cleaning rule removed, per source (a site's EHR or a participant-provided source) and table: the
     * cleaning units' reports, traced to the ingest unit (and so the source) their part came from.
     */
    private static List<AccountingFacts.SourceRemovals> removals(BuildContext ctx, SiteLabels labels) {
        Map<String, UnitReport> ingest = new TreeMap<>();
        ctx.layout().reports(IngestStage.NAME).forEach(r -> ingest.put(r.unit, r));
        Map<String, Map<String, long[]>> rows = new TreeMap<>();
        Map<String, Map<String, Map<String, Long>>> removed = new TreeMap<>();
        for (UnitReport r : ctx.layout().reports(CleanStage.NAME)) {
            UnitReport from = ingest.get(String.valueOf(r.details.get(CleanStage.SOURCE_UNIT)));
            if (from == null || "registry".equals(from.sourceKind)) {
                continue; // persons are built from the registry: participantsMissing accounts for them
            }
            String source = from.site != null ? label(labels, from.site) : from.sourceKind;
            r.tables.forEach((table, c) -> {
                rows.computeIfAbsent(source, k -> new TreeMap<>()).computeIfAbsent(table, k -> new long[1])[0] += c.in;
                Map<String, Long> byRule = removed.computeIfAbsent(source, k -> new TreeMap<>())
                        .computeIfAbsent(table, k -> new TreeMap<>());
                c.removed.forEach((rule, n) -> byRule.merge(rule, n, Long::sum));
            });
        }
        List<AccountingFacts.SourceRemovals> out = new ArrayList<>();
        rows.forEach((source, tables) -> tables.forEach((table, n) -> out.add(new AccountingFacts.SourceRemovals(
                source, table, n[0], removed.get(source).get(table)))));
        return out;
    }

    private static String label(SiteLabels labels, String site) {
        try {
            return labels.label(site);
        } catch (IllegalStateException e) {
            return "EHR site (unlabelled)";
        }
    }
}
