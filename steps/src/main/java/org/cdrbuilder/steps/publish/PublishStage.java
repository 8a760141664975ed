package org.cdrbuilder.steps.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.CodeVersion;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.parquet.PartMerger;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.harmonize.HarmonizeStage;
import org.cdrbuilder.steps.qa.BuildReportInputs;
import org.cdrbuilder.steps.common.SiteLabels;
import org.cdrbuilder.steps.ingest.InputValidation;

/**
 * Assembles every tier of the version in {@code <releases>/.<version>.partial/<tier>/} (one unit per tier and table:
 * the table's candidate parts concatenated into release part files), then writes each tier's QA outputs and
 * {@code manifest.json} with row counts and checksums, and publishes the version with one rename
 * ({@link ReleaseLayout#publish}): all its tiers appear together or not at all, and {@code latest.json} changes
 * last. An existing version is never overwritten unless the run asks to replace it. A build killed at any point of
 * publishing resumes with the same command: its token (in the work directory and in each manifest) tells its own
 * earlier attempt from another build.
 */
public final class PublishStage implements Stage {
    public static final String NAME = "publish";

    private final List<String> tierNames;

    /** Publishes the given tiers as one version. */
    public PublishStage(List<String> tiers) {
        this.tierNames = List.copyOf(tiers);
    }

    @Override
    public List<Artifact<?>> needs() {
        List<Artifact<?>> needs = new ArrayList<>(List.of(ReferenceData.VOCABULARY, HarmonizeStage.SITE_LABELS));
        tierNames.forEach(t -> needs.add(BuildReportInputs.RELEASE_REPORT.of(t)));
        return needs;
    }

    @Override
    public String name() {
        return NAME;
    }

    static List<String> tiers(BuildSettings s) {
        return org.cdrbuilder.steps.common.Tiers.of(s);
    }

    /**
     * Fails when this version is already published (by another build than this one's earlier attempt) and replacing
     * was not asked for.
     */
    public static void checkNotPublished(BuildContext ctx) {
        ReleaseLayout releases = new ReleaseLayout(ctx.settings().releases());
        Path version = releases.version(ctx.settings().version());
        if (releases.isPublished(ctx.settings().version()) && !ctx.options().replace()
                && !releases.publishedBy(ctx.settings().version(), existingToken(ctx))) {
            throw new ReleaseExistsException("release " + ctx.settings().version() + " is already published at "
                    + version + " (tiers: " + String.join(", ", ReleaseLayout.tiers(version)) + "); use --replace "
                    + "to build it again (tiers this build does not rebuild are kept)");
        }
    }

    private static Path tokenFile(BuildContext ctx) {
        return ctx.layout().state(NAME).resolve("build-token.txt");
    }

    /** The token of this build's work directory, or null when it has none yet. */
    public static String existingToken(BuildContext ctx) {
        Path f = tokenFile(ctx);
        try {
            return Files.isRegularFile(f) ? Files.readString(f).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** The build's token, made on first use and kept in the work directory (reset with it for a new build). */
    static String token(BuildContext ctx) {
        String t = existingToken(ctx);
        if (t != null) {
            return t;
        }
        t = java.util.UUID.randomUUID().toString();
        try {
            Files.createDirectories(tokenFile(ctx).getParent());
            Path tmp = tokenFile(ctx).resolveSibling(".build-token.tmp");
            Files.writeString(tmp, t);
            Files.move(tmp, tokenFile(ctx), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tokenFile(ctx), e);
        }
        return t;
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        checkNotPublished(ctx);
        token(ctx);
        List<WorkUnit> units = new ArrayList<>();
        for (String tier : tiers(ctx.settings())) {
            for (TableDef t : ctx.schema().tables()) {
                if (t.group().published()) {
                    units.add(new WorkUnit(tier + "." + t.name(), Map.of("tier", tier, "table", t.name())));
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
        ReleaseLayout releases = new ReleaseLayout(ctx.settings().releases());
        if (releases.publishedBy(ctx.settings().version(), existingToken(ctx))) {
            return; // an earlier attempt of this build published the version: nothing to assemble again
        }
        Path dir = releases.partial(ctx.settings().version(), tier).resolve(table.group().releaseFolder())
                .resolve(table.name());
        FileTrees.deleteTree(dir);
        List<PartMerger.Part> parts;
        if (table.name().equals("_cdr_metadata")) {
            parts = List.of(writeMetadata(ctx, tier, table, dir));
        } else if (table.name().equals(CdmSourceTable.TABLE)) {
            parts = List.of(writeRows(ctx, table, dir, List.of(CdmSourceTable.row(ctx.settings(), tier,
                    org.cdrbuilder.steps.privacy.PrivacyStage.profile(ctx, tier), ReferenceData.vocabulary(ctx).version()))));
        } else {
            List<Path> inputs = candidate(ctx, tier).parts(table.name());
            parts = PartMerger.merge(table, inputs, dir, 512L << 20, ctx.settings().parquet());
        }
        UnitReport report = new UnitReport();
        report.unit = unit.id();
        report.stage = NAME;
        List<Map<String, Object>> files = new ArrayList<>();
        long rows = 0;
        Path base = releases.partial(ctx.settings().version(), tier);
        for (PartMerger.Part p : parts) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", base.relativize(p.path()).toString().replace('\\', '/'));
            f.put("rows", p.rows());
            f.put("bytes", p.bytes());
            f.put("sha256", Fingerprint.sha256(p.path()));
            files.add(f);
            rows += p.rows();
        }
        report.table(table.name()).out = rows;
        report.details.put("files", files);
        report.details.put("tier", tier);
        ctx.progress().rows(table.name(), rows);
        report.millis = (System.nanoTime() - started) / 1_000_000;
        ctx.layout().writeReport(NAME, report);
    }

    static ReleaseCandidate candidate(BuildContext ctx, String tier) {
        return ReleaseCandidate.forTier(ctx.layout(), tier);
    }

    /** The concepts the build added to the user's vocabulary because it writes them itself. */
    private static Object productConceptsAdded(BuildContext ctx) {
        return ctx.layout().reports(org.cdrbuilder.steps.ingest.VocabularyStage.NAME).stream()
                .filter(r -> org.cdrbuilder.steps.ingest.ProductConcepts.UNIT.equals(r.unit))
                .map(r -> r.details.getOrDefault(org.cdrbuilder.steps.ingest.ProductConcepts.ADDED, List.of()))
                .findFirst().orElse(List.of());
    }

    private static PartMerger.Part writeMetadata(BuildContext ctx, String tier, TableDef table, Path dir) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("release_version", ctx.settings().version().toString());
        meta.put("tier", tier);
        meta.put("cutoff_date", ctx.settings().cutoffDate().toString());
        meta.put("vocabulary_version", ReferenceData.vocabulary(ctx).version());
        meta.put("code_version", CodeVersion.get());
        meta.put("cdm_version", "5.4");
        meta.put("input_fingerprint", inputFingerprint(ctx));
        List<Row> rows = new ArrayList<>();
        meta.forEach((k, v) -> rows.add(new Row(table).set("metadata_key", k).set("metadata_value", v)));
        return writeRows(ctx, table, dir, rows);
    }

    /** A table the publish stage writes itself, as one part file. */
    private static PartMerger.Part writeRows(BuildContext ctx, TableDef table, Path dir, List<Row> rows) {
        Path target = dir.resolve(PartMerger.name(0));
        try (RowParquetWriter w = RowParquetWriter.open(target, table, ctx.settings().parquet())) {
            rows.forEach(w::write);
        }
        try {
            return new PartMerger.Part(target, rows.size(), Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports of every unit that read a source file (vocabulary, then drop inputs). */
    static List<UnitReport> sourceReports(BuildContext ctx) {
        List<UnitReport> all = new ArrayList<>();
        for (String s : Pipeline.sourceStages()) {
            all.addAll(ctx.layout().reports(s));
        }
        return all;
    }

    /** One checksum over every input file's checksum, in unit order. */
    static String inputFingerprint(BuildContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (UnitReport r : sourceReports(ctx)) {
            for (UnitReport.InputFile f : r.inputs) {
                sb.append(f.file).append('=').append(f.sha256).append('\n');
            }
        }
        return Fingerprint.sha256(sb.toString());
    }

    @Override
    public void complete(BuildContext ctx) {
        ReleaseLayout releases = new ReleaseLayout(ctx.settings().releases());
        SiteLabels labels = SiteLabels.load(ctx.settings().privateDir());
        String token = token(ctx);
        if (releases.publishedBy(ctx.settings().version(), token)) {
            // an earlier attempt published the version and was stopped before recording it: finish what it did
            releases.publish(ctx.settings().version(), token, ctx.options().replace(), ctx.faults());
            return;
        }
        for (String tier : tiers(ctx.settings())) {
            Path partial = releases.partial(ctx.settings().version(), tier);
            if (!Files.isDirectory(partial)) {
                if (releases.publishedBy(ctx.settings().version(), token)) {
                    continue; // published by an earlier attempt that was killed or failed afterwards
                }
                throw new IllegalStateException("nothing assembled for tier " + tier + " at " + partial);
            }
            Map<String, Map<String, Object>> tables = new TreeMap<>();
            Map<String, Long> rowCounts = new TreeMap<>();
            for (UnitReport r : ctx.layout().reports(NAME)) {
                if (!tier.equals(r.details.get("tier"))) {
                    continue;
                }
                String name = r.tables.keySet().iterator().next();
                TableDef t = ctx.schema().table(name);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("group", t.group().name().toLowerCase());
                entry.put("row_count", r.tables.get(name).out);
                entry.put("files", r.details.get("files"));
                // the published types: row ids are bigint in a release built with 64-bit ids
                entry.put("schema", schemaOf(ctx.settings().parquet().idBits() == 64 ? t.withBigintRowIds() : t));
                tables.put(name, entry);
                rowCounts.put(name, r.tables.get(name).out);
            }
            Path qa = partial.resolve("qa");
            writeQa(ctx, tier, qa, rowCounts);
            copyStateFolder(ctx, "qa", tier, qa);
            copyStateFolder(ctx, "snapshot", tier, partial.resolve("snapshot"));
            org.cdrbuilder.steps.dictionary.DictionaryFiles.writeHtml(ctx.settings().tierProfilesDir(),
                    ctx.settings().version().toString(), tier, partial);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", ctx.settings().version().toString());
            manifest.put("tier", tier);
            manifest.put(ReleaseLayout.BUILD_ID, token);
            manifest.put("build_time", Instant.now().toString());
            manifest.put("code_version", CodeVersion.get());
            manifest.put("cdm_version", "5.4");
            manifest.put("cutoff_date", ctx.settings().cutoffDate().toString());
            manifest.put("vocabulary_version", ReferenceData.vocabulary(ctx).version());
            manifest.put("input_fingerprint", inputFingerprint(ctx));
            manifest.put("inputs", inputs(ctx, labels));
            manifest.put("product_concepts_added", productConceptsAdded(ctx));
            if (ctx.options().acceptFailedQaReason() != null) {
                manifest.put("accepted_failed_qa", ctx.options().acceptFailedQaReason());
            }
            manifest.put("tables", tables);
            manifest.put("qa_files", listFiles(qa, partial));
            manifest.put("snapshot_files", listFiles(partial.resolve("snapshot"), partial));
            manifest.put("docs_files", listFiles(partial.resolve("docs"), partial));
            WorkLayout.writeJson(partial.resolve("manifest.json"), manifest);
            copyPrivateMappings(ctx, tier);
            ctx.faults().checkpoint(NAME, "manifest." + tier, 0);
        }
        releases.publish(ctx.settings().version(), token, ctx.options().replace(), ctx.faults());
    }

    /**
     * Writes the tier's release report (the one QA judged) into the release, after checking that the ledger's
     * published rows are the rows being published: a difference means publish assembled something else.
     */
    private void writeQa(BuildContext ctx, String tier, Path qa, Map<String, Long> published) {
        BuildReportInputs report = ctx.get(BuildReportInputs.RELEASE_REPORT.of(tier));
        Ledger ledger = report.ledger();
        ledger.tables.forEach((table, entry) -> {
            long n = published.getOrDefault(table, 0L);
            if (entry.published != n) {
                throw new IllegalStateException("tier " + tier + ": the ledger QA judged counts " + entry.published
                        + " published rows of " + table + ", publish assembled " + n);
            }
        });
        WorkLayout.writeJson(qa.resolve("ledger.json"), ledger);
        WorkLayout.writeJson(qa.resolve("input-validation.json"), report.validation());
    }

    private static String safeLabel(SiteLabels labels, String site) {
        try {
            return labels.label(site);
        } catch (IllegalStateException e) {
            return "EHR site (unlabelled)";
        }
    }

    /**
     * Files other stages left for the release: {@code state/<folder>/all/} (every tier) then
     * {@code state/<folder>/<tier>/}, copied (with sub-folders) into {@code target}. QA writes {@code qa}, the
     * snapshot stage writes {@code snapshot}.
     */
    public static void copyStateFolder(BuildContext ctx, String folder, String tier, Path target) {
        for (String from : List.of("all", tier)) {
            Path dir = ctx.layout().state(folder).resolve(from);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    Path to = target.resolve(dir.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Map<String, Object>> inputs(BuildContext ctx, SiteLabels labels) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnitReport r : sourceReports(ctx)) {
            for (UnitReport.InputFile f : r.inputs) {
                Map<String, Object> m = new LinkedHashMap<>();
                String file = f.file;
                if (r.site != null) {
                    String label = safeLabel(labels, r.site);
                    file = file.replace("ehr/" + r.site + "/", "ehr/" + label + "/");
                }
                m.put("file", file);
                m.put("kind", r.sourceKind);
                m.put("bytes", f.bytes);
                m.put("sha256", f.sha256);
                out.add(m);
            }
        }
        return out;
    }

    /** The manifest's schema section of a table, from the changelog. */
    static List<Map<String, Object>> schemaOf(TableDef t) {
        List<Map<String, Object>> cols = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type().name().toLowerCase());
            if (c.maxLength() > 0) {
                m.put("max_length", c.maxLength());
            }
            m.put("nullable", c.nullable());
            if (!c.remarks().isEmpty()) {
                m.put("description", c.remarks());
            }
            cols.add(m);
        }
        return cols;
    }

    private static List<Map<String, Object>> listFiles(Path dir, Path base) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", base.relativize(p).toString().replace('\\', '/'));
                m.put("bytes", Files.size(p));
                m.put("sha256", Fingerprint.sha256(p));
                out.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Internal id mappings go to the private directory of the version, never into the release. */
    private static void copyPrivateMappings(BuildContext ctx, String tier) {
        Path target = ctx.settings().privateDir().resolve(ctx.settings().version().toString()).resolve("id_mapping");
        List<Path> parts = candidate(ctx, tier).parts("_id_mapping");
        try {
            Files.createDirectories(target);
            for (Path p : parts) {
                // the name as text: the work and private directories may be on different file systems
                Files.copy(p, target.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save id mappings to " + target, e);
        }
    }
}
