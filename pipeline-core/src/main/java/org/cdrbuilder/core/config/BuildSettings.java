package org.cdrbuilder.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.cdrbuilder.core.parquet.ParquetOptions;

/**
 * Everything a build needs to know, resolved and validated: absolute paths, the release version, the cutoff date,
 * tiers, parallelism and the job repository. Built from {@code release.yaml} with command-line overrides applied.
 *
 * @param configDir directory of the release.yaml the settings came from; other config files are relative to it
 * @param privacyKeyFile file holding the privacy key, or null to take it from {@code CDR_PRIVACY_KEY}
 * @param vocabularyConfigDir the concepts and vocabularies this product writes itself (added when the user's
 *                            vocabulary lacks them)
 * @param cdmSource what the release's cdm_source table says besides each tier's name
 */
public record BuildSettings(
        Path configDir,
        Path drop,
        Path vocabulary,
        Path releases,
        Path work,
        Path privateDir,
        ReleaseVersion version,
        LocalDate cutoffDate,
        List<String> tiers,
        int threads,
        String jobRepositoryUrl,
        String jobRepositoryUser,
        String jobRepositoryPassword,
        ParquetOptions parquet,
        IngestConfig ingest,
        DemographicsConfig demographics,
        Path rulesFile,
        Path tierProfilesDir,
        Path qaDir,
        Path privacyKeyFile,
        SnapshotConfig snapshot,
        Path vocabularyConfigDir,
        CdmSourceSettings cdmSource) {

    public BuildSettings {
        requireNonNull(configDir, "configDir is null");
        requireNonNull(drop, "drop is null");
        requireNonNull(vocabulary, "vocabulary is null");
        requireNonNull(releases, "releases is null");
        requireNonNull(work, "work is null");
        requireNonNull(privateDir, "privateDir is null");
        requireNonNull(version, "version is null");
        requireNonNull(cutoffDate, "cutoffDate is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(cdmSource, "cdmSource is null");
        tiers = List.copyOf(tiers);
        if (threads < 1) {
            throw new ConfigException("threads must be >= 1");
        }
    }

    /**
     * How the stages before the tiers (ingest, harmonize, clean, derive) write their work files: as {@link #parquet()}
     * but with 64-bit row ids, because those files hold the sources' own ids and the registry's participant numbers
     * (and rows no rule has removed yet). The privacy stage writes each tier with the release's width
     * ({@code id_bits}), so only ids that are published must fit it (docs/IDS.md).
     */
    public ParquetOptions workParquet() {
        return parquet.withIdBits(64);
    }

    /** The work directory of this release version. */
    public Path versionWork() {
        return work.resolve(version.toString());
    }

    /** Command-line values that override the file; null means "not given". */
    public record Overrides(Path drop, Path vocabulary, Path releases, Path work, Path privateDir, String version,
                            String cutoffDate, List<String> tiers, Integer threads, String jobRepositoryUrl,
                            Path privacyKeyFile) {
        public static Overrides none() {
            return new Overrides(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Reads {@code configFile} and applies {@code overrides}; throws {@link ConfigException} naming what is wrong. */
    public static BuildSettings load(Path configFile, Overrides overrides) {
        Path file = configFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        ReleaseConfig c = ReleaseConfig.read(file);
        Path dir = file.getParent();
        Overrides o = overrides == null ? Overrides.none() : overrides;
        Path drop = pick(o.drop(), c.drop, dir, "drop");
        Path vocab = pick(o.vocabulary(), c.vocabulary, dir, "vocabulary");
        Path releases = pick(o.releases(), c.releases, dir, "releases");
        Path work = pick(o.work(), c.work, dir, "work");
        Path priv = pick(o.privateDir(), c.privateDir, dir, "private");
        ReleaseVersion version = ReleaseVersion.parse(o.version() != null ? o.version() : c.releaseVersion);
        String cutoffText = o.cutoffDate() != null ? o.cutoffDate() : c.cutoffDate;
        LocalDate cutoff;
        try {
            cutoff = LocalDate.parse(requireValue(cutoffText, "cutoff_date"));
        } catch (DateTimeParseException e) {
            throw new ConfigException("cutoff date must be YYYY-MM-DD: '" + cutoffText + "'");
        }
        List<String> tiers = o.tiers() != null && !o.tiers().equals(List.of("all")) ? o.tiers() : c.tiers;
        if (tiers == null || tiers.isEmpty()) {
            throw new ConfigException("no tiers to build: set tiers in release.yaml (e.g. [registered, controlled]) or give --tier");
        }
        for (String t : tiers) {
            if (!t.matches("[a-z][a-z0-9_-]*")) {
                throw new ConfigException("tier name '" + t + "' must be lower-case letters, digits, '-' or '_'");
            }
        }
        int threads = o.threads() != null ? o.threads() : c.threads;
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        String url = o.jobRepositoryUrl() != null ? o.jobRepositoryUrl() : c.jobRepository.url;
        if (c.idBits != 32 && c.idBits != 64) {
            throw new ConfigException(file + ": id_bits must be 32 (OMOP CDM 5.4 integer ids) or 64, not " + c.idBits);
        }
        ParquetOptions parquet = new ParquetOptions(c.parquet.zstdLevel, c.parquet.dataPageV2,
                (long) c.parquet.rowGroupMb << 20, c.idBits);
        Path ingestFile = dir.resolve(c.ingest);
        if (!Files.isRegularFile(ingestFile)) {
            throw new ConfigException("ingest config not found: " + ingestFile);
        }
        Path demographicsFile = dir.resolve(c.demographics);
        if (!Files.isRegularFile(demographicsFile)) {
            throw new ConfigException("demographics config not found: " + demographicsFile);
        }
        Path keyFile = o.privacyKeyFile() != null ? o.privacyKeyFile().toAbsolutePath().normalize()
                : c.privacyKeyFile == null || c.privacyKeyFile.isBlank() || System.getenv("CDR_PRIVACY_KEY") != null ? null
                : dir.resolve(c.privacyKeyFile).toAbsolutePath().normalize();
        Path snapshotFile = dir.resolve(c.snapshot);
        if (!Files.isRegularFile(snapshotFile)) {
            throw new ConfigException("snapshot config not found: " + snapshotFile);
        }
        return new BuildSettings(dir, drop, vocab, releases, work, priv, version, cutoff, tiers, threads,
                url == null ? "" : url, c.jobRepository.username, c.jobRepository.password, parquet,
                IngestConfig.read(ingestFile), DemographicsConfig.read(demographicsFile), dir.resolve(c.rules),
                dir.resolve(c.tierProfiles), dir.resolve(c.qa), keyFile, SnapshotConfig.read(snapshotFile),
                dir.resolve(c.vocabularyConfig), CdmSourceSettings.from(c.cdmSource, file.toString()));
    }

    private static Path pick(Path override, String fromFile, Path dir, String name) {
        if (override != null) {
            return override.toAbsolutePath().normalize();
        }
        Path p;
        try {
            p = org.cdrbuilder.core.io.Storage.path(requireValue(fromFile, name)); // a local path or a URI
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
        return (p.isAbsolute() ? p : dir.resolve(p)).toAbsolutePath().normalize();
    }

    private static String requireValue(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new ConfigException("setting '" + name + "' is missing (set it in release.yaml or on the command line)");
        }
        return v;
    }
}
