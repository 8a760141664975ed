package org.cdrbuilder.steps.qa;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.qa.ConfigTable;
import org.cdrbuilder.core.qa.QaReport;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.qa.CheckSettings;
import org.cdrbuilder.core.qa.Severity;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.qa.facts.FactCollector;
import org.cdrbuilder.steps.qa.profile.ConceptNames;
import org.cdrbuilder.steps.qa.profile.PreviousRelease;
import org.cdrbuilder.steps.qa.profile.ProfileCollectors;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.cdrbuilder.steps.qa.profile.ReleaseProfile;

/**
 * One QA run over a release or a candidate: the checks, the release's profile from the same scans, and the
 * comparison with the previous release of the tier (its saved profile, or a scan of it when it has none).
 */
public final class QaRun {
    /** What a run produced. {@code comparison} is null when there is no previous release. */
    public record Result(QaReport report, ReleaseProfile profile, ReleaseComparison comparison) {
    }

    private QaRun() {
    }

    /**
     * @param releases the releases directory, where the previous release of {@code tier} is looked for
     */
    public static Result run(QaEngine engine, TableSource source, Supplier<Vocabulary> vocabulary, LocalDate cutoff,
                             ReleaseVersion version, String tier, Path releases) {
        return run(engine, source, vocabulary, cutoff, version, tier, releases, List.of());
    }

    /**
     * Like {@link #run(QaEngine, TableSource, Supplier, LocalDate, ReleaseVersion, String, Path)}, also feeding
     * {@code observers} (collectors of other stages' work that rides on the same scans).
     */
    public static Result run(QaEngine engine, TableSource source, Supplier<Vocabulary> vocabulary, LocalDate cutoff,
                             ReleaseVersion version, String tier, Path releases, List<FactCollector> observers) {
        CdrSchema schema = CdrSchema.get();
        ProfileCollectors profiler = profiler(engine, schema);
        List<FactCollector> all = new java.util.ArrayList<>(profiler.collectors());
        all.addAll(observers);
        QaReport report = engine.run(source, schema, vocabulary, cutoff, all);
        ReleaseProfile profile = profiler.profile(version.toString(), tier, rows(report));
        Optional<Path> previous = PreviousRelease.of(releases, version, tier);
        ReleaseComparison comparison = previous.map(p -> compare(engine, p, profile, source)).orElse(null);
        return new Result(report, profile, comparison);
    }

    /** The profile of a published release: saved with it, or computed by scanning it. */
    public static ReleaseProfile profileOf(Path releaseDir, QaEngine engine) {
        ReleaseProfile saved = ReleaseProfile.saved(releaseDir);
        if (saved != null) {
            return saved;
        }
        var manifest = ReleaseQa.manifest(releaseDir);
        CdrSchema schema = CdrSchema.get();
        QaEngine scanOnly = new QaEngine(List.of(), QaThresholds.uniform(List.of(),
                new CheckSettings(Severity.CHARACTERIZATION, 100, "")), engine.settings(), engine.configDir(), 1);
        ProfileCollectors profiler = profiler(scanOnly, schema);
        QaReport scanned = scanOnly.run(TableSource.release(releaseDir), schema, () -> {
            throw new IllegalStateException("a profile needs no vocabulary");
        }, LocalDate.parse(manifest.path("cutoff_date").asText()), profiler.collectors());
        return profiler.profile(manifest.path("version").asText(), manifest.path("tier").asText(), rows(scanned));
    }

    /** Compares two profiles and names the listed concepts from the releases' concept tables. */
    public static ReleaseComparison compare(ReleaseProfile before, ReleaseProfile after, TableSource beforeTables,
                                            TableSource afterTables, QaEngine engine) {
        ReleaseComparison c = ReleaseComparison.of(before, after, engine.settings().comparisonFlagPercent,
                engine.settings().comparisonConceptsShown);
        if (!c.listedConcepts().isEmpty()) {
            var concept = CdrSchema.get().table("concept");
            Map<Integer, String> names = new TreeMap<>(ConceptNames.lookup(beforeTables.parts(concept), c.listedConcepts()));
            names.putAll(ConceptNames.lookup(afterTables.parts(concept), c.listedConcepts()));
            c.name(names);
        }
        return c;
    }

    private static ReleaseComparison compare(QaEngine engine, Path previous, ReleaseProfile profile, TableSource source) {
        return compare(profileOf(previous, engine), profile, TableSource.release(previous), source, engine);
    }

    private static ProfileCollectors profiler(QaEngine engine, CdrSchema schema) {
        List<ConfigTable.Row> dataTypes = ConfigTable.read(engine.configDir().resolve(ProfileCollectors.DATA_TYPES));
        return new ProfileCollectors(engine.tables(schema), dataTypes);
    }

    private static Map<String, Long> rows(QaReport report) {
        Map<String, Long> rows = new TreeMap<>();
        report.timings.forEach(t -> rows.put(t.cdmTableName, t.rows));
        return rows;
    }
}
