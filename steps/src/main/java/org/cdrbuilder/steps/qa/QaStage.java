package org.cdrbuilder.steps.qa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.qa.QaOverview;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.steps.common.Tiers;
import org.cdrbuilder.steps.qa.accounting.AccountingFacts;
import org.cdrbuilder.steps.qa.accounting.AccountingResults;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QA gate before publication: one unit per tier runs every check on the tier's release candidate (one pass per
 * table) and writes the report, the release profile and the comparison with the previous release into
 * {@code state/qa/<tier>/}, which publish copies into the release's {@code qa/} folder. When every tier is checked,
 * {@link #complete} applies the gate: a failed fatal check stops the build with {@link QaGateFailedException}
 * unless the run accepted failed checks with a reason (recorded in the report and the manifest).
 */
public final class QaStage implements Stage {
    public static final String NAME = "qa";
    private static final Logger LOG = LoggerFactory.getLogger(QaStage.class);

    private final List<String> tiers;
    private final List<ScanRider> riders;

    /** QA of the given tiers (one unit each). */
    public QaStage(List<String> tiers) {
        this(tiers, List.of());
    }

    /** QA of the given tiers, its scans also feeding the riders' collectors. */
    public QaStage(List<String> tiers, List<ScanRider> riders) {
        this.tiers = List.copyOf(tiers);
        this.riders = List.copyOf(riders);
    }

    @Override
    public List<Artifact<?>> needs() {
        List<Artifact<?>> needs = new ArrayList<>(List.of(ReferenceData.VOCABULARY));
        tiers.forEach(t -> needs.add(BuildReportInputs.RELEASE_REPORT.of(t)));
        for (ScanRider r : riders) {
            tiers.forEach(t -> needs.addAll(r.needs(t)));
        }
        return needs;
    }

    @Override
    public List<Artifact<?>> produces() {
        List<Artifact<?>> out = new ArrayList<>();
        tiers.forEach(t -> out.add(BuildReportInputs.RELEASE_REPORT.of(t)));
        for (ScanRider r : riders) {
            tiers.forEach(t -> out.addAll(r.produces(t)));
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Where a tier's QA files are kept until publish copies them. */
    public static Path folder(BuildContext ctx, String tier) {
        return ctx.layout().state(NAME).resolve(tier);
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        List<WorkUnit> units = new ArrayList<>();
        for (String tier : Tiers.of(ctx.settings())) {
            units.add(new WorkUnit("qa." + WorkUnit.safe(tier), Map.of("tier", tier)));
        }
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        long started = System.nanoTime();
        String tier = unit.attr("tier");
        QaEngine engine = QaEngine.fromConfig(ctx.settings().qaDir(), ctx.settings().threads());
        List<String> scanned = engine.tables(ctx.schema()).stream().map(org.cdrbuilder.schema.TableDef::name).toList();
        List<List<FactCollector>> riding = new ArrayList<>();
        List<FactCollector> observers = new ArrayList<>();
        for (ScanRider r : riders) {
            List<FactCollector> c = r.collectors(ctx, tier, scanned);
            riding.add(c);
            observers.addAll(c);
        }
        QaRun.Result result = QaRun.run(engine, TableSource.candidate(ctx.layout(), tier),
                () -> ReferenceData.vocabulary(ctx), ctx.settings().cutoffDate(), ctx.settings().version(), tier,
                ctx.settings().releases(), observers);
        for (int i = 0; i < riders.size(); i++) {
            riders.get(i).scanned(ctx, tier, riding.get(i));
        }
        QaReport report = result.report();
        QaMetadata.fill(report, ctx.settings().version().toString(), tier, ctx.settings().cutoffDate().toString(),
                ReferenceData.vocabulary(ctx).version(), Map.of());
        BuildReportInputs inputs = ctx.get(BuildReportInputs.RELEASE_REPORT.of(tier));
        report.checkResults.addAll(AccountingResults.evaluate(inputs.facts(result.comparison()), engine.thresholds(),
                engine.settings()));
        report.overview = QaOverview.of(report.checkResults);
        QaGate.decide(report, ctx.options().acceptFailedQaReason());
        QaReportFiles.write(folder(ctx, tier), result, inputs.validation(), inputs.ledger());
        WorkLayout.writeJson(folder(ctx, tier).resolve(AccountingFacts.REMOVALS_FILE), inputs.removals());
        UnitReport r = new UnitReport();
        r.unit = unit.id();
        r.stage = NAME;
        r.details.put("tier", tier);
        r.details.put("checks", report.overview.countTotal);
        r.details.put("failed", report.overview.countOverallFailed);
        r.details.put("fatal_failed", report.gate.failedFatalChecks.size());
        r.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, r);
        LOG.info("QA of {}: {} checks, {} failed ({} fatal) in {}", tier, report.overview.countTotal,
                report.overview.countOverallFailed, report.gate.failedFatalChecks.size(), report.executionTime);
    }

    /** Applies the gate to every tier, with this run's options; records the decision in each report. */
    @Override
    public void complete(BuildContext ctx) {
        List<String> blocked = new ArrayList<>();
        String reason = ctx.options().acceptFailedQaReason();
        for (String tier : Tiers.of(ctx.settings())) {
            Path dir = folder(ctx, tier);
            QaReport report = WorkLayout.readJson(dir.resolve(QaReportFiles.REPORT_JSON), QaReport.class);
            boolean open = QaGate.decide(report, reason);
            WorkLayout.writeJson(dir.resolve(QaReportFiles.REPORT_JSON), report);
            BuildReportInputs inputs = ctx.get(BuildReportInputs.RELEASE_REPORT.of(tier));
            Path comparison = dir.resolve(ReleaseComparison.FILE);
            QaReportFiles.writeHtml(dir, report, inputs.validation(), inputs.ledger(), Files.isRegularFile(comparison)
                    ? WorkLayout.readJson(comparison, ReleaseComparison.class) : null);
            if (!open) {
                blocked.add(QaGate.message(report, tier, dir.resolve(QaReportFiles.REPORT_HTML)));
            } else if ("accepted".equals(report.gate.status)) {
                LOG.warn("tier {}: {} fatal QA check(s) failed; publishing anyway: {}", tier,
                        report.gate.failedFatalChecks.size(), reason);
            }
        }
        if (!blocked.isEmpty()) {
            throw new QaGateFailedException(String.join("\n", blocked));
        }
    }
}
