package org.cdrbuilder.steps.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.SnapshotConfig;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.steps.qa.ScanRider;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.common.Tiers;

/**
 * The aggregate snapshot counts of each tier (docs/SNAPSHOT.md): enrollment, data types, demographics, the Data
 * Browser and Survey Explorer counts and Achilles results, computed from the tier's release candidate (what is
 * published), never from the raw drop. One unit per (tier, table scanned) saves what it found; completion builds the
 * count families, disseminates them, and writes {@code state/snapshot/<tier>/} (Parquet, JSON, index.html), which
 * publish copies into the release, and the true counts to {@code state/snapshot-raw/<tier>/} (work directory only).
 */
public final class SnapshotStage implements Stage {
    public static final String NAME = "snapshot";
    /** Folder under {@code state/} with the true (unrounded) counts; never published. */
    public static final String RAW = "snapshot-raw";
    private static final String DEATH = "death";

    private final List<String> tiers;

    /** The snapshot counts of the given tiers. */
    public SnapshotStage(List<String> tiers) {
        this.tiers = List.copyOf(tiers);
    }

    @Override
    public List<Artifact<?>> needs() {
        List<Artifact<?>> needs = new ArrayList<>(List.of(ReferenceData.REGISTRY,
                org.cdrbuilder.steps.privacy.PrivacyStage.PARTICIPANT_KEYS));
        tiers.forEach(t -> needs.add(PersonIndex.ARTIFACT.of(t)));
        return needs;
    }

    /**
     * The snapshot's part of QA's scan: the participants of every wearables table QA reads (the Fitbit minute tables
     * are nearly all of a tier's rows) are counted from the same rows, saved where the snapshot's own unit would save
     * them; the stage then plans units only for the other tables.
     */
    public static ScanRider onQaScan() {
        return new ScanRider() {
            @Override
            public List<Artifact<?>> needs(String tier) {
                return List.of(PersonIndex.ARTIFACT.of(tier));
            }

            @Override
            public List<Artifact<?>> produces(String tier) {
                return List.of(PersonIndex.ARTIFACT.of(tier));
            }

            @Override
            public List<FactCollector> collectors(BuildContext ctx, String tier, List<String> scannedTables) {
                PersonIndex persons = PersonIndex.of(ctx, tier);
                List<FactCollector> out = new ArrayList<>();
                for (TableDef t : ctx.schema().tables(TableGroup.WEARABLES)) {
                    if (scannedTables.contains(t.name())) {
                        out.add(new WearableScan.Collector(persons, t));
                    }
                }
                return out;
            }

            @Override
            public void scanned(BuildContext ctx, String tier, List<FactCollector> collectors) {
                List<String> tables = new ArrayList<>();
                for (FactCollector c : collectors) {
                    WorkLayout.writeJson(partial(ctx, unit(tier, c.table(), ScanKind.WEARABLES).id()),
                            ((WearableScan.Collector) c).facts());
                    tables.add(c.table());
                }
                WorkLayout.writeJson(withQaFile(ctx, tier), tables); // last: the partials above are complete
            }
        };
    }

    /** The wearables tables of a tier counted from QA's scan (empty when none were). */
    private static java.util.Set<String> countedWithQa(BuildContext ctx, String tier) {
        Path f = withQaFile(ctx, tier);
        return java.nio.file.Files.isRegularFile(f)
                ? new java.util.HashSet<>(java.util.Arrays.asList(WorkLayout.readJson(f, String[].class)))
                : java.util.Set.of();
    }

    private static Path withQaFile(BuildContext ctx, String tier) {
        return ctx.layout().stageDir(NAME).resolve("facts").resolve(tier + ".counted-with-qa.json");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        List<WorkUnit> units = new ArrayList<>();
        for (WorkUnit u : scans(ctx)) {
            if (!ScanKind.WEARABLES.name().equals(u.attr("kind"))
                    || !countedWithQa(ctx, u.attr("tier")).contains(u.attr("table"))) {
                units.add(u);
            }
        }
        return units;
    }

    /** Every scan the snapshot needs, whether its own unit or QA's scan reads it. */
    private List<WorkUnit> scans(BuildContext ctx) {
        List<WorkUnit> units = new ArrayList<>();
        for (String tier : Tiers.of(ctx.settings())) {
            units.add(unit(tier, "person", ScanKind.PERSONS));
            units.add(unit(tier, "survey_conduct", ScanKind.RESPONSES));
            units.add(unit(tier, "observation_period", ScanKind.PERIODS));
            for (EventTable t : EventTable.values()) {
                units.add(unit(tier, t.table(), ScanKind.EVENTS));
            }
            units.add(unit(tier, DEATH, ScanKind.EVENTS));
            for (TableDef t : ctx.schema().tables(TableGroup.WEARABLES)) {
                units.add(unit(tier, t.name(), ScanKind.WEARABLES));
            }
        }
        return units;
    }

    private static WorkUnit unit(String tier, String table, ScanKind kind) {
        return new WorkUnit(tier + "." + table, Map.of("tier", tier, "table", table, "kind", kind.name()));
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        long started = System.nanoTime();
        String tier = unit.attr("tier");
        String table = unit.attr("table");
        int cellSize = config(ctx).cellSize;
        long[] rows = {0};
        Runnable checkpoint = () -> {
            if ((++rows[0] & 0xffff) == 0) {
                ctx.progress().rows(table, 0x10000);
                ctx.faults().checkpoint(NAME, unit.id(), rows[0]);
            }
        };
        ScanFacts.Scan facts = switch (ScanKind.valueOf(unit.attr("kind"))) {
            case PERSONS -> PersonScan.run(ctx, tier);
            case RESPONSES -> ResponseScan.run(ctx, tier);
            case PERIODS -> PeriodScan.run(ctx, tier, cellSize);
            case EVENTS -> EventScan.run(ctx, tier, table, cellSize, checkpoint);
            case WEARABLES -> WearableScan.run(ctx, tier, table, checkpoint);
        };
        ctx.progress().rows(table, rows[0] & 0xffff);
        WorkLayout.writeJson(partial(ctx, unit.id()), facts);
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        report.details.put("tier", tier);
        report.table(table).in = facts.rows;
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    @Override
    public void complete(BuildContext ctx) {
        SnapshotConfig config = config(ctx);
        for (String tier : Tiers.of(ctx.settings())) {
            SnapshotInputs in = new SnapshotInputs();
            for (WorkUnit u : scans(ctx)) {
                if (tier.equals(u.attr("tier"))) {
                    in.add(WorkLayout.readJson(partial(ctx, u.id()), ScanKind.valueOf(u.attr("kind")).facts()));
                }
            }
            in.complete();
            ConceptNames names = ConceptNames.load(ReleaseCandidate.forTier(ctx.layout(), tier), Snapshot.conceptsToName(in));
            Snapshot snapshot = Snapshot.build(ctx.settings().version().toString(), tier, ctx.settings().cutoffDate(),
                    config, in, names);
            SnapshotFiles.write(snapshot, false, ctx.layout().state(RAW).resolve(tier), ctx.settings().parquet(), null);
            SnapshotFiles.write(snapshot, true, ctx.layout().state(NAME).resolve(tier), ctx.settings().parquet(),
                    SnapshotPage.render(snapshot, config.topConcepts, config.pageConceptsPerDomain));
        }
    }

    private static SnapshotConfig config(BuildContext ctx) {
        return ctx.settings().snapshot();
    }

    private static Path partial(BuildContext ctx, String unitId) {
        return ctx.layout().stageDir(NAME).resolve("facts").resolve(unitId + ".json");
    }

    /** What a unit scans, and the type of what it saves. */
    enum ScanKind {
        PERSONS(ScanFacts.Persons.class),
        RESPONSES(ScanFacts.Responses.class),
        PERIODS(ScanFacts.Periods.class),
        EVENTS(ScanFacts.Events.class),
        WEARABLES(ScanFacts.Wearables.class);

        private final Class<?> facts;

        ScanKind(Class<?> facts) {
            this.facts = facts;
        }

        Class<?> facts() {
            return facts;
        }
    }
}
