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
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.steps.ingest.fitbit.FitbitReader;
import org.cdrbuilder.steps.ingest.pm.PhysicalMeasurementReader;
import org.cdrbuilder.steps.ingest.survey.SurveyResponseReader;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Reads every input of the drop (registry, EHR submissions, surveys, physical measurements, Fitbit) into typed,
 * schema-valid rows (staged Parquet), one unit per input file or group of small files, quarantining what cannot be
 * used. Identifying registry columns are dropped here. The vocabulary is read before, by {@link VocabularyStage}.
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

    /** Source folders of participant-provided JSON inputs, by unit kind. */
    static final Map<String, String> JSON_SOURCES = Map.of("survey", "surveys", "pm", "physical_measurements");
    static final int MAX_FILES_PER_UNIT = 2000;
    static final long MAX_BYTES_PER_UNIT = 256L << 20;
    static final int MAX_FITBIT_PARTICIPANTS_PER_UNIT = 200;

    @Override
    public List<org.cdrbuilder.core.stage.Artifact<?>> needs() {
        return List.of(ReferenceData.VOCABULARY);
    }

    @Override
    public List<org.cdrbuilder.core.stage.Artifact<?>> produces() {
        return List.of(ReferenceData.REGISTRY);
    }

    @Override
    public List<WorkUnit> plan(BuildContext ctx) {
        DropLayout drop = drop(ctx);
        checkRegistry(ctx, drop.registryFile());
        return discover(ctx, new ArrayList<>());
    }

    /**
     * Refuses a registry that cannot make a release before any work: missing, not a file, without a header or without
     * a column that decides who may be published, or without a single participant row. {@code cdr validate} and
     * {@code cdr build} both call it (exit code 3).
     */
    public static void checkRegistry(BuildContext ctx, Path registry) {
        String shown = "participants/participants.csv";
        if (!Files.isRegularFile(registry)) {
            throw new InputsRejectedException("participant registry not found: " + registry);
        }
        TableDef table = ctx.schema().table(RegistryIngest.TABLE);
        try (org.cdrbuilder.core.io.DelimitedFile in = org.cdrbuilder.core.io.DelimitedFile.open(registry)) {
            if (in.header().isEmpty()) {
                throw new InputsRejectedException(shown + " is empty (no header row, no participants)");
            }
            org.cdrbuilder.core.validate.RecordMapper mapper = org.cdrbuilder.core.validate.RecordMapper.forHeader(
                    table, in.header(), Map.of());
            List<String> missing = new ArrayList<>(mapper.missingRequired());
            for (String c : List.of("primary_consent_date", "withdrawal_date")) {
                if (in.header().stream().noneMatch(h -> h.equalsIgnoreCase(c))) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                throw new InputsRejectedException(shown + ": the header lacks column(s) that decide who may be "
                        + "published: " + missing + " (header: " + in.header() + ")");
            }
            if (!in.hasNext()) {
                throw new InputsRejectedException(shown + " has a header but no participant rows");
            }
        } catch (java.io.UncheckedIOException | org.cdrbuilder.core.io.MalformedFileException e) {
            throw new InputsRejectedException(shown + " cannot be read: " + e.getMessage());
        }
    }

    /** Every unit of the drop, in a deterministic order; files that are not inputs are added to {@code ignored}. */
    private static List<WorkUnit> discover(BuildContext ctx, List<DropLayout.Ignored> ignored) {
        DropLayout drop = drop(ctx);
        List<WorkUnit> units = new ArrayList<>();
        units.add(new WorkUnit("registry", Map.of("kind", "registry")));
        drop.vocabularyFiles(ignored);
        Set<String> accepted = new HashSet<>(ctx.settings().ingest().ehrTables);
        accepted.addAll(ctx.settings().ingest().suppressedTables);
        for (DropLayout.InputFile f : drop.ehrFiles(accepted, ignored)) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("kind", "ehr");
            attrs.put("site", f.site());
            attrs.put("table", f.table());
            attrs.put("path", org.cdrbuilder.core.io.Storage.externalForm(f.path()));
            attrs.put("file", f.relativePath());
            units.add(new WorkUnit("ehr." + WorkUnit.safe(f.site()) + "." + f.table(), attrs));
        }
        for (String kind : List.of("survey", "pm")) {
            List<Path> files = drop.jsonFiles(JSON_SOURCES.get(kind), ignored);
            List<FileShards.Shard> shards = FileShards.plan(files, MAX_FILES_PER_UNIT, MAX_BYTES_PER_UNIT);
            for (int i = 0; i < shards.size(); i++) {
                units.add(new WorkUnit(String.format("%s.%05d", kind, i), Map.of("kind", kind,
                        "from", String.valueOf(shards.get(i).from()), "to", String.valueOf(shards.get(i).to()))));
            }
        }
        List<Path> fitbit = drop.fitbitFolders(ignored);
        List<FileShards.Shard> shards = FileShards.plan(fitbit, MAX_FITBIT_PARTICIPANTS_PER_UNIT, MAX_BYTES_PER_UNIT);
        for (int i = 0; i < shards.size(); i++) {
            units.add(new WorkUnit(String.format("fitbit.%05d", i), Map.of("kind", "fitbit",
                    "from", String.valueOf(shards.get(i).from()), "to", String.valueOf(shards.get(i).to()))));
        }
        return units;
    }

    /** The files of a sharded unit, re-listed from the drop. */
    private static List<Path> shardFiles(WorkUnit unit, List<Path> all) {
        int from = Integer.parseInt(unit.attr("from"));
        int to = Integer.parseInt(unit.attr("to"));
        if (to > all.size()) {
            throw new IllegalStateException("the drop changed while it was being built: unit " + unit.id()
                    + " expects " + to + " files but there are " + all.size());
        }
        return all.subList(from, to);
    }

    @Override
    public void run(WorkUnit unit, BuildContext ctx) throws java.io.IOException {
        UnitReport report = switch (unit.attr("kind")) {
            case "registry" -> RegistryIngest.run(ctx, NAME, unit, drop(ctx));
            case "ehr" -> ehr(unit, ctx);
            case "survey" -> survey(unit, ctx);
            case "fitbit" -> fitbit(unit, ctx);
            case "pm" -> physicalMeasurements(unit, ctx);
            default -> throw new IllegalArgumentException("unknown ingest unit kind " + unit.attr("kind"));
        };
        ctx.layout().writeReport(NAME, report);
    }

    private static UnitReport survey(WorkUnit unit, BuildContext ctx) throws java.io.IOException {
        List<Path> files = shardFiles(unit, drop(ctx).jsonFiles(JSON_SOURCES.get("survey"), new ArrayList<>()));
        SurveyResponseReader reader = new SurveyResponseReader(ReferenceData.vocabulary(ctx));
        return JsonSourceIngest.run(ctx, NAME, unit, files, "surveys/ (files " + unit.attr("from") + "-"
                + unit.attr("to") + ")", reader::read);
    }

    private static UnitReport physicalMeasurements(WorkUnit unit, BuildContext ctx) throws java.io.IOException {
        List<Path> files = shardFiles(unit, drop(ctx).jsonFiles(JSON_SOURCES.get("pm"), new ArrayList<>()));
        PhysicalMeasurementReader reader = new PhysicalMeasurementReader(ReferenceData.vocabulary(ctx));
        return JsonSourceIngest.run(ctx, NAME, unit, files, "physical_measurements/ (files " + unit.attr("from") + "-"
                + unit.attr("to") + ")", reader::read);
    }

    /** Fitbit responses of a range of participant folders; the person is the folder's participant number. */
    private static UnitReport fitbit(WorkUnit unit, BuildContext ctx) throws java.io.IOException {
        List<Path> folders = shardFiles(unit, drop(ctx).fitbitFolders(new ArrayList<>()));
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            files.addAll(drop(ctx).jsonFiles(ctx.settings().drop().relativize(folder).toString(), new ArrayList<>()));
        }
        FitbitReader reader = new FitbitReader();
        return JsonSourceIngest.run(ctx, NAME, unit, files, "fitbit/ (participants " + unit.attr("from") + "-"
                + unit.attr("to") + ")", (file, sink) -> reader.read(file,
                org.cdrbuilder.core.registry.Participant.parseNumber(file.getParent().getFileName().toString()), sink),
                duplicateDownloads(files));
    }

    /** Ingest rule: a Fitbit export downloaded twice ({@code sleep-2026-09-26 (1).json}) counts once. */
    public static final String FITBIT_DUPLICATE_DOWNLOADS = "fitbit_duplicate_downloads";
    private static final java.util.regex.Pattern DOWNLOAD_COPY =
            java.util.regex.Pattern.compile("^(.*?)(?: ?\\(\\d+\\)| - Copy(?: \\(\\d+\\))?)(\\.[A-Za-z]+)$");

    /**
     * The files of a participant folder that are other downloads of the same endpoint and day (same name but for a
     * browser's {@code (1)} or {@code - Copy}): the plain name is kept (else the first copy by name), the others are
     * read and counted as removed by {@value #FITBIT_DUPLICATE_DOWNLOADS}.
     */
    static Map<Path, String> duplicateDownloads(List<Path> files) {
        Map<Path, List<Path>> byOriginal = new java.util.TreeMap<>();
        for (Path f : files) {
            java.util.regex.Matcher m = DOWNLOAD_COPY.matcher(f.getFileName().toString());
            Path original = m.matches() ? f.resolveSibling(m.group(1) + m.group(2)) : f;
            byOriginal.computeIfAbsent(original, k -> new ArrayList<>()).add(f);
        }
        Map<Path, String> out = new java.util.HashMap<>();
        byOriginal.forEach((original, copies) -> {
            if (copies.size() > 1) {
                Path kept = copies.contains(original) ? original : copies.stream().sorted().findFirst().orElseThrow();
                copies.stream().filter(c -> !c.equals(kept)).forEach(c -> out.put(c, FITBIT_DUPLICATE_DOWNLOADS));
            }
        });
        return out;
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
        return TableFileIngest.run(ctx, NAME, unit, table, org.cdrbuilder.core.io.Storage.path(unit.attr("path")), unit.attr("file"),
                ctx.settings().ingest().aliases(table.name()), ctx.settings().ingest().derivable(table.name()), check,
                null);
    }

    @Override
    public void complete(BuildContext ctx) {
        List<DropLayout.Ignored> ignored = new ArrayList<>();
        discover(ctx, ignored);
        WorkLayout.writeJson(ctx.layout().state(IGNORED_STATE), ignored);
    }
}
