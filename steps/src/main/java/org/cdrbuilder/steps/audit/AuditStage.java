package org.cdrbuilder.steps.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.common.Tiers;
import org.cdrbuilder.steps.ingest.DropLayout;
import org.cdrbuilder.steps.privacy.PrivacyStage;
import org.cdrbuilder.steps.privacy.SuppressionList;
import org.cdrbuilder.steps.qa.ScanRider;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.carrotsearch.hppc.IntHashSet;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Audits every tier's candidate before anything is published, with everything the build has: the drop's registry
 * file, the mapping store and the rows each published row was made from. One unit per tier and part; when the
 * units are done the stage writes {@code qa/privacy-audit.json} for each tier and fails the build (exit code 6),
 * naming each leak, when any check of any tier failed.
 */
public final class AuditStage implements Stage {
    public static final String NAME = "audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditStage.class);
    private static final TypeReference<Map<String, Findings>> FINDINGS = new TypeReference<>() { };

    private final List<String> tiers;

    /** The audit of the given tiers. */
    public AuditStage(List<String> tiers) {
        this.tiers = List.copyOf(tiers);
    }

    @Override
    public List<Artifact<?>> needs() {
        List<Artifact<?>> needs = new ArrayList<>(List.of(REGISTRY_FACTS, PrivacyStage.PARTICIPANT_KEYS));
        for (String t : tiers) {
            needs.add(PrivacyStage.PROFILE.of(t));
            needs.add(CONTEXT.of(t));
        }
        return needs;
    }

    /**
     * The audit's part of QA's scan: every table QA reads of a tier's candidate is audited from the same rows (QA
     * decodes every column of those tables), and the findings are written to {@link #sharedScanFile}; the audit's
     * own units read only the tables QA does not scan.
     */
    public static ScanRider onQaScan() {
        return new ScanRider() {
            @Override
            public List<Artifact<?>> needs(String tier) {
                return List.of(REGISTRY_FACTS, PrivacyStage.PARTICIPANT_KEYS, PrivacyStage.PROFILE.of(tier), CONTEXT.of(tier));
            }

            @Override
            public List<Artifact<?>> produces(String tier) {
                return List.of(CONTEXT.of(tier));
            }

            @Override
            public List<FactCollector> collectors(BuildContext ctx, String tier, List<String> scannedTables) {
                AuditContext actx = context(ctx, tier);
                ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), tier);
                List<FactCollector> out = new ArrayList<>();
                for (String name : scannedTables) {
                    TableDef t = ctx.schema().table(name);
                    if (audited(t, candidate)) {
                        out.add(new AuditCollector(new ReleaseAudit.TableAudit(t, actx, ReleaseAudit.checks(),
                                actx.sources().apply(name))));
                    }
                }
                return out;
            }

            @Override
            public void scanned(BuildContext ctx, String tier, List<FactCollector> collectors) {
                Map<String, SharedScanResult> out = new TreeMap<>();
                for (FactCollector c : collectors) {
                    ReleaseAudit.TableResult r = ((AuditCollector) c).result();
                    out.put(r.table(), new SharedScanResult(r.rows(), r.findings()));
                }
                WorkLayout.writeJson(sharedScanFile(ctx, tier), out);
            }
        };
    }

    /** What QA's scan found for one table. */
    record SharedScanResult(long rows, Map<String, Findings> findings) {
    }

    private static final TypeReference<Map<String, SharedScanResult>> SHARED = new TypeReference<>() { };

    /** Where the findings of the audit riding on QA's scan of a tier are kept. */
    static Path sharedScanFile(BuildContext ctx, String tier) {
        return ctx.layout().state(NAME).resolve(tier).resolve("audited-with-qa.json");
    }

    /** Tables the audit of a tier reads: every published table the tier's candidate holds. */
    private static boolean audited(TableDef t, ReleaseCandidate candidate) {
        return t.group().published() && candidate.holder(t.name()) != null;
    }

    /** The tables audited from QA's scan of a tier (read from what that scan wrote; empty when it wrote nothing). */
    private static Map<String, SharedScanResult> sharedScan(BuildContext ctx, String tier) {
        Path f = sharedScanFile(ctx, tier);
        if (!java.nio.file.Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            return WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(f), SHARED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + f, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        List<WorkUnit> units = new ArrayList<>();
        for (String tier : Tiers.of(ctx.settings())) {
            ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), tier);
            java.util.Set<String> withQa = sharedScan(ctx, tier).keySet();
            for (TableDef t : ctx.schema().tables()) {
                if (!audited(t, candidate) || withQa.contains(t.name())) {
                    continue;
                }
                // one unit per part, so that big tables use both cores; tables checked whole in one
                int parts = ReleaseAudit.needsWholeTable(t) ? 1 : candidate.parts(t.name()).size();
                for (int i = 0; i < Math.max(1, parts); i++) {
                    units.add(new WorkUnit(String.format("%s.%s.%05d", tier, t.name(), i),
                            Map.of("tier", tier, "table", t.name(), "part", String.valueOf(i))));
                }
            }
        }
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        long started = System.nanoTime();
        String tier = unit.attr("tier");
        TableDef table = ctx.schema().table(unit.attr("table"));
        int index = Integer.parseInt(unit.attr("part"));
        AuditContext actx = context(ctx, tier);
        List<Path> parts = actx.release().apply(table.name());
        List<Path> sources = actx.sources().apply(table.name());
        List<Path> mine;
        List<Path> myMaterial;
        if (sources.size() == parts.size() && !ReleaseAudit.needsWholeTable(table)) {
            // a tier's part i was made from the shared part i (the privacy and reference stages keep part order)
            mine = index < parts.size() ? List.of(parts.get(index)) : List.of();
            myMaterial = index < sources.size() ? List.of(sources.get(index)) : List.of();
        } else {
            // not aligned part for part: the first unit reads the whole table
            mine = index == 0 ? parts : List.of();
            myMaterial = index == 0 ? sources : List.of();
        }
        ReleaseAudit.TableResult result = ReleaseAudit.auditParts(table, actx, ReleaseAudit.checks(), mine, myMaterial);
        ctx.progress().rows(table.name(), result.rows());
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        report.details.put("tier", tier);
        report.details.put("table", table.name());
        report.details.put("rows", result.rows());
        report.details.put("findings", result.findings());
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    @Override
    public void complete(BuildContext ctx) {
        StringBuilder failures = new StringBuilder();
        for (String tier : Tiers.of(ctx.settings())) {
            AuditContext actx = context(ctx, tier);
            List<AuditCheck> checks = ReleaseAudit.checks();
            Map<String, Map<String, Findings>> byTable = new TreeMap<>();
            long rows = 0;
            for (UnitReport r : ctx.layout().reports(NAME)) {
                if (!tier.equals(r.details.get("tier"))) {
                    continue;
                }
                Map<String, Findings> found = WorkLayout.JSON.convertValue(r.details.get("findings"), FINDINGS);
                byTable.merge((String) r.details.get("table"), found, (a, b) -> {
                    b.forEach((k, v) -> a.computeIfAbsent(k, x -> new Findings()).merge(v));
                    return a;
                });
                rows += ((Number) r.details.get("rows")).longValue();
            }
            for (Map.Entry<String, SharedScanResult> e : sharedScan(ctx, tier).entrySet()) {
                byTable.merge(e.getKey(), e.getValue().findings(), (a, b) -> {
                    b.forEach((k, v) -> a.computeIfAbsent(k, x -> new Findings()).merge(v));
                    return a;
                });
                rows += e.getValue().rows();
            }
            ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), tier);
            for (TableDef t : ctx.schema().tables()) {
                if (audited(t, candidate) && !byTable.containsKey(t.name())) {
                    // never a quiet pass: a table neither QA's scan nor an audit unit read is a build failure
                    throw new IllegalStateException("the privacy audit of tier " + tier + " did not read table "
                            + t.name());
                }
            }
            for (String folder : List.of("qa", "snapshot")) {
                for (String from : List.of("all", tier)) {
                    Path dir = ctx.layout().state(folder).resolve(from);
                    ReleaseAudit.TableResult files = ReleaseAudit.auditFiles(dir, ctx.layout().root(), actx, checks);
                    byTable.merge("(files)", files.findings(), (a, b) -> {
                        b.forEach((k, v) -> a.get(k).merge(v));
                        return a;
                    });
                }
            }
            AuditReport report = AuditReport.of(tier, checks, actx, byTable, rows);
            WorkLayout.writeJson(ctx.layout().state("qa").resolve(tier).resolve("privacy-audit.json"), report);
            if (report.passed) {
                LOG.info("privacy audit of tier {}: passed ({} rows, {} checks, {} skipped)", tier, rows,
                        report.checks.size(), report.checks.stream().filter(c -> c.status.equals("skipped")).count());
            } else {
                failures.append("tier ").append(tier).append(":\n").append(report.describeFailures());
            }
        }
        if (!failures.isEmpty()) {
            throw new PrivacyAuditFailedException("the privacy audit failed; nothing was published "
                    + "(details in " + ctx.layout().state("qa") + "/<tier>/privacy-audit.json):\n" + failures);
        }
    }

    /** What the audit of a tier is given in a build. */
    static AuditContext context(BuildContext ctx, String tier) {
        return ctx.get(CONTEXT.of(tier));
    }

    /** What the audit of a tier is given: profile, candidate, registry facts, participant keys, suppressed concepts. */
    static final Artifact.PerTier<AuditContext> CONTEXT = Artifact.perTier("audit-context", AuditContext.class, false,
            AuditStage::loadContext);
    /** The registry's facts the audit looks for in a tier (read from the drop's registry file itself). */
    static final Artifact<RegistryFacts> REGISTRY_FACTS = Artifact.input("registry-facts", RegistryFacts.class,
            ctx -> RegistryFacts.read(new DropLayout(ctx.settings().drop(), ctx.settings().vocabulary()).registryFile()));

    private static AuditContext loadContext(BuildContext ctx, String tier) {
        {
            TierProfile profile = PrivacyStage.profile(ctx, tier);
            ReleaseCandidate candidate = new ReleaseCandidate(ctx.layout(), tier);
            ReleaseCandidate shared = new ReleaseCandidate(ctx.layout(), null);
            return new AuditContext(tier, profile, ctx.settings().cutoffDate(), candidate::parts, ctx.layout().root(),
                    shared::parts, registry(ctx), PrivacyStage.keys(ctx), suppressed(profile, candidate));
        }
    }

    static RegistryFacts registry(BuildContext ctx) {
        return ctx.get(REGISTRY_FACTS);
    }

    /** The concept ids a tier suppresses, resolved against the vocabulary the tier publishes. */
    public static IntHashSet suppressed(TierProfile profile, ReleaseCandidate candidate) {
        if (profile.suppressedConcepts == null || profile.suppressedConcepts.isBlank()) {
            return new IntHashSet();
        }
        return SuppressionList.conceptIds(profile.resolve(profile.suppressedConcepts), (columns, action) ->
                org.cdrbuilder.core.parquet.RowParquetReader.forEach(candidate.parts("concept"),
                        org.cdrbuilder.schema.CdrSchema.get().table("concept"), columns, action));
    }
}
