package org.cdrbuilder.steps.harmonize;

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
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.steps.common.SiteLabels;
import org.cdrbuilder.steps.ingest.IngestStage;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Turns staged source rows into OMOP rows of the release: release-wide ids, visit references, standard concepts,
 * provenance ({@code _ext}), and the person table from the registry. One unit per staged source file, plus the
 * person unit.
 */
public final class HarmonizeStage implements Stage {
    public static final String NAME = "harmonize";
    static final String ID_PLAN = "id-plan.json";

    /** Release-id offsets per staged file and table, decided when harmonize plans (its {@code id-plan.json}). */
    public static final Artifact<Map<String, Long>> ID_PLAN_OFFSETS = Artifact.product("id-plan", Map.class,
            HarmonizeStage::loadIdPlan).shipped(Artifact.Shipping.of(java.util.LinkedHashMap::new, (m, ctx) -> m));
    /** The private labels of the EHR sites (assigned when harmonize plans, kept in the private directory). */
    public static final Artifact<SiteLabels> SITE_LABELS = Artifact.product("site-labels", SiteLabels.class,
            ctx -> SiteLabels.load(ctx.settings().privateDir())).shipped();
    /** Each site's visit index (site-local visit id to release id), from its staged visits, built on first use. */
    public static final Artifact<SiteVisitIndexes> VISIT_INDEXES = Artifact.product("site-visit-indexes",
            SiteVisitIndexes.class, ctx -> new SiteVisitIndexes(site -> buildVisitIndex(ctx, site)));

    @Override
    public List<Artifact<?>> needs() {
        return List.of(ReferenceData.VOCABULARY, ReferenceData.REGISTRY, ID_PLAN_OFFSETS, SITE_LABELS, VISIT_INDEXES);
    }

    @Override
    public List<Artifact<?>> produces() {
        return List.of(ID_PLAN_OFFSETS, SITE_LABELS, VISIT_INDEXES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        List<UnitReport> ingest = ctx.layout().reports(IngestStage.NAME);
        IdPlan.checkFits(IdPlan.nextIds(ingest), ctx.settings().parquet().maxRowId(), "release ids");
        Map<String, Long> offsets = IdPlan.compute(ingest);
        WorkLayout.writeJson(ctx.layout().state(ID_PLAN), offsets);
        Set<String> sites = new TreeSet<>();
        List<WorkUnit> units = new ArrayList<>();
        for (UnitReport r : ingest) {
            if (ParticipantSourceHarmonizer.TABLES.containsKey(r.sourceKind)) {
                units.add(new WorkUnit(r.unit, Map.of("kind", r.sourceKind, "ingestUnit", r.unit)));
                continue;
            }
            if (!"ehr".equals(r.sourceKind)) {
                continue;
            }
            sites.add(r.site);
            String table = r.tables.keySet().iterator().next();
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("kind", "ehr");
            attrs.put("site", r.site);
            attrs.put("table", table);
            attrs.put("file", r.file);
            attrs.put("ingestUnit", r.unit);
            Long offset = offsets.get(IdPlan.key(r.unit, table));
            attrs.put("offset", String.valueOf(offset == null ? 0 : offset));
            units.add(new WorkUnit(r.unit, attrs));
        }
        SiteLabels.assign(ctx.settings().privateDir(), sites);
        units.add(new WorkUnit("person", Map.of("kind", "person")));
        return units;
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) {
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        report.sourceKind = unit.attr("kind");
        report.site = unit.attrOrNull("site");
        report.file = unit.attrOrNull("file");
        long started = System.nanoTime();
        try (UnitOutputs out = new UnitOutputs(ctx.layout(), NAME, unit.id(), ctx.settings().workParquet())) {
            switch (unit.attr("kind")) {
                case "ehr" -> ehr(unit, ctx, out, report);
                case "person" -> person(ctx, out, report);
                case "survey", "pm", "fitbit" -> participantSource(unit, ctx, out, report);
                default -> throw new IllegalArgumentException("unknown harmonize unit kind " + unit.attr("kind"));
            }
            out.commit();
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    private static void ehr(WorkUnit unit, BuildContext ctx, UnitOutputs out, UnitReport report) {
        TableDef table = ctx.schema().table(unit.attr("table"));
        String site = unit.attr("site");
        Path staged = ctx.layout().output(IngestStage.NAME, table.name(), unit.attr("ingestUnit"));
        SiteVisitIndex visits = visitIndex(ctx, site);
        String label = ctx.get(SITE_LABELS).label(site);
        boolean suppressed = ctx.settings().ingest().suppressedTables.contains(table.name());
        EhrHarmonizer h = new EhrHarmonizer(table, IngestStage.stagedTable(ctx, table.name()), ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx), visits,
                ctx.settings().ingest().sourceVocabularies, site, unit.attr("file"), label, unit.longAttr("offset"),
                suppressed);
        UnitReport.TableCounts counts = report.table(table.name());
        long[] n = {0};
        h.run(staged, out, counts, () -> {
            if ((++n[0] & 0x3fff) == 0) {
                ctx.progress().rows(table.name(), 0x4000);
                ctx.faults().checkpoint(NAME, unit.id(), n[0]);
            }
        });
        ctx.progress().rows(table.name(), n[0] & 0x3fff);
    }

    private static void participantSource(WorkUnit unit, BuildContext ctx, UnitOutputs out, UnitReport report) {
        String ingestUnit = unit.attr("ingestUnit");
        ParticipantSourceHarmonizer h = new ParticipantSourceHarmonizer(unit.attr("kind"), ingestUnit,
                ReferenceData.vocabulary(ctx),
                ctx.settings().ingest().sourceVocabularies, idPlan(ctx));
        long[] n = {0};
        h.run(table -> ctx.layout().output(IngestStage.NAME, table, ingestUnit), out, report, () -> {
            if ((++n[0] & 0x3fff) == 0) {
                ctx.progress().rows(unit.attr("kind"), 0x4000);
                ctx.faults().checkpoint(NAME, unit.id(), n[0]);
            }
        });
        ctx.progress().rows(unit.attr("kind"), n[0] & 0x3fff);
    }

    /** The visit index of a site, shared by that site's units (built from its staged visits, if any). */
    static SiteVisitIndex visitIndex(BuildContext ctx, String site) {
        return ctx.get(VISIT_INDEXES).of(site);
    }

    private static SiteVisitIndex buildVisitIndex(BuildContext ctx, String site) {
        {
            String unitId = "ehr." + WorkUnit.safe(site) + ".visit_occurrence";
            Path staged = ctx.layout().output(IngestStage.NAME, "visit_occurrence", unitId);
            if (!Files.isRegularFile(staged)) {
                return SiteVisitIndex.empty();
            }
            Map<String, Long> offsets = idPlan(ctx);
            return SiteVisitIndex.build(staged, ctx.schema().table("visit_occurrence"),
                    offsets.get(IdPlan.key(unitId, "visit_occurrence")));
        }
    }

    static Map<String, Long> idPlan(BuildContext ctx) {
        return ctx.get(ID_PLAN_OFFSETS);
    }

    private static Map<String, Long> loadIdPlan(BuildContext ctx) {
        {
            try {
                return WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(ctx.layout().state(ID_PLAN)),
                        new TypeReference<Map<String, Long>>() { });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void person(BuildContext ctx, UnitOutputs out, UnitReport report) {
        SurveyDemographics survey = new SurveyDemographics(ctx.settings().demographics(), ReferenceData.vocabulary(ctx));
        survey.add(ctx.layout().outputs(IngestStage.NAME, "observation").stream()
                .filter(p -> p.getFileName().toString().startsWith("survey.")).toList());
        PersonBuilder b = new PersonBuilder(ReferenceData.registry(ctx), ReferenceData.vocabulary(ctx),
                survey.demographics());
        b.addEhrPersons(ctx.layout().outputs(IngestStage.NAME, "person"));
        b.run(out, report.table("person"));
        ctx.progress().rows("person", report.table("person").in);
    }

    @Override
    public void complete(BuildContext ctx) {
        Set<String> tables = new TreeSet<>();
        for (TableDef t : ctx.schema().tables(TableGroup.OMOP)) {
            tables.add(t.name());
        }
        for (TableDef t : ctx.schema().tables(TableGroup.EXT)) {
            tables.add(t.name());
        }
        for (TableDef t : ctx.schema().tables(TableGroup.WEARABLES)) {
            tables.add(t.name());
        }
        tables.add("_id_mapping");
        // derived later in the pipeline
        tables.remove("observation_period");
        tables.remove("observation_period_ext");
        new ReleaseCandidate(ctx.layout(), null).register(NAME, tables);
    }
}
