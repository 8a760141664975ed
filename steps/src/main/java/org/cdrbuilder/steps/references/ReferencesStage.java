package org.cdrbuilder.steps.references;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.privacy.PrivacyStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every visit reference of one tier's candidate point to a visit the tier publishes. A rule sees rows before
 * any rule removed anything, so a visit removed by cleaning (a date floor) or by the tier's privacy rules (a
 * suppressed visit concept) can still be referenced by conditions, drugs, measurements or a later visit; this stage
 * nulls those references ({@link DanglingVisitReferences}). One instance per tier ({@code references-<tier>}),
 * right after the tier's privacy stage; one unit per part of each table that has a visit reference column, so
 * parts and rows keep their order (the audit reads the tier's rows in step with the shared candidate's).
 * <p>
 * Visits disappear only in the stages read here: ingest quarantines rows before they have ids, harmonization nulls
 * references to visits a site never sent, and derive creates no visits. Tables without visit references are left
 * to the stage that holds them; the tier's candidate names this stage only for the tables it may have changed.
 */
public final class ReferencesStage implements Stage {
    public static final String PREFIX = "references-";
    private static final Logger LOG = LoggerFactory.getLogger(ReferencesStage.class);

    private final String tier;

    public ReferencesStage(String tier) {
        this.tier = tier;
    }

    public static String nameOf(String tier) {
        return PREFIX + tier;
    }

    @Override
    public String name() {
        return nameOf(tier);
    }

    /** Tables of the tier's candidate with a column that references visits. */
    static List<String> tables(ReleaseCandidate tiered) {
        List<String> out = new ArrayList<>();
        for (TableDef t : CdrSchema.get().tables()) {
            if ((t.group() == TableGroup.OMOP || t.group() == TableGroup.WEARABLES) && tiered.holder(t.name()) != null
                    && !DanglingVisitReferences.referenceColumns(t).isEmpty()) {
                out.add(t.name());
            }
        }
        return out;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        ReleaseCandidate tiered = new ReleaseCandidate(ctx.layout(), tier);
        List<WorkUnit> units = new ArrayList<>();
        for (String table : tables(tiered)) {
            int n = 0;
            for (Path part : tiered.parts(table)) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("table", table);
                attrs.put("part", org.cdrbuilder.core.io.Storage.externalForm(part));
                units.add(new WorkUnit(String.format("%s--%05d", table, n++), attrs));
            }
        }
        return units;
    }

    /** Visits the tier no longer publishes, read once per process from the sandboxes of the stages that remove them. */
    static RemovedVisits removedVisits(BuildContext ctx, String tier) {
        return ctx.get(REMOVED_VISITS.of(tier));
    }

    /**
     * The visits a tier no longer publishes: removed by cleaning or by the tier's privacy rules (read from those
     * stages' sandboxes against the tier's visit parts).
     */
    public static final Artifact.PerTier<RemovedVisits> REMOVED_VISITS = Artifact.perTier("removed-visits",
            RemovedVisits.class, false, ReferencesStage::loadRemovedVisits);

    @Override
    public List<Artifact<?>> needs() {
        return List.of(REMOVED_VISITS.of(tier));
    }

    @Override
    public List<Artifact<?>> produces() {
        return List.of(REMOVED_VISITS.of(tier));
    }

    private static RemovedVisits loadRemovedVisits(BuildContext ctx, String tier) {
        {
            RemovedVisits removed = RemovedVisits.collect(ctx.layout(),
                    List.of(CleanStage.NAME, PrivacyStage.nameOf(tier)),
                    new ReleaseCandidate(ctx.layout(), tier).parts("visit_occurrence"));
            LOG.info("{}: {} removed visits", nameOf(tier), removed.size());
            return removed;
        }
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        long started = System.nanoTime();
        TableDef table = CdrSchema.get().table(unit.attr("table"));
        Path part = org.cdrbuilder.core.io.Storage.path(unit.attr("part"));
        Path extPart = part.getParent().getParent().resolve(table.name() + "_ext").resolve(part.getFileName());
        RemovedVisits removed = removedVisits(ctx, tier);
        DanglingVisitReferences.Outcome outcome;
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), name(), unit.id(), ctx.settings().parquet())) {
            outcome = new DanglingVisitReferences(removed).apply(table, part, Files.isRegularFile(extPart) ? extPart : null, out);
            out.commit();
        }
        ctx.progress().rows(table.name(), outcome.rows());
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = name();
        UnitReport.TableCounts counts = report.table(table.name());
        counts.in = outcome.rows();
        counts.out = outcome.rows();
        if (outcome.nulled() > 0) {
            counts.changed.put(DanglingVisitReferences.RULE_ID, outcome.nulled());
        }
        report.details.put("tier", tier);
        report.details.put("action", outcome.action().name().toLowerCase());
        report.details.put("removed_visits", removed.size());
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(name(), report);
    }

    @Override
    public void complete(BuildContext ctx) {
        long nulled = 0;
        long rewritten = 0;
        List<UnitReport> reports = ctx.layout().reports(name());
        for (UnitReport r : reports) {
            nulled += r.tables.values().stream()
                    .mapToLong(c -> c.changed.getOrDefault(DanglingVisitReferences.RULE_ID, 0L)).sum();
            rewritten += "rewritten".equals(r.details.get("action")) ? 1 : 0;
        }
        LOG.info("{}: {} rows with references to removed visits nulled; {} of {} parts rewritten, the rest linked",
                name(), nulled, rewritten, reports.size());
        ReleaseCandidate tiered = new ReleaseCandidate(ctx.layout(), tier);
        Set<String> written = new TreeSet<>();
        for (String t : tables(tiered)) {
            if (tiered.parts(t).isEmpty()) {
                continue; // nothing was planned: the holder stays as it is
            }
            written.add(t);
            if (tiered.holder(t + "_ext") != null) {
                written.add(t + "_ext");
            }
        }
        tiered.register(name(), written);
    }
}
