package org.cdrbuilder.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.app.batch.NextVersion;
import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ReleaseConfig;
import org.cdrbuilder.core.config.ReleaseVersion;

import picocli.CommandLine.Option;

/** Options shared by the commands that read a release configuration. Flags win over release.yaml. */
public final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Release settings (default: config/release.yaml of this installation).")
    Path config;

    @Option(names = "--drop", paramLabel = "DIR", converter = Location.class, description = "The raw drop to build from.")
    Path drop;

    @Option(names = "--vocabulary", paramLabel = "DIR", converter = Location.class, description = "Athena vocabulary directory.")
    Path vocabulary;

    @Option(names = "--releases", paramLabel = "DIR", converter = Location.class, description = "Where releases are published.")
    Path releases;

    @Option(names = "--work", paramLabel = "DIR", converter = Location.class, description = "Work directory (intermediate files, job repository).")
    Path work;

    @Option(names = "--private", paramLabel = "DIR", converter = Location.class, description = "Private state kept between releases; never published.")
    Path privateDir;

    @Option(names = "--release-version", paramLabel = "vN|next",
            description = "Release version to build, e.g. v2; next: the version after the newest published one "
                    + "(the same version again when resuming the same build).")
    String version;

    @Option(names = "--cutoff-date", paramLabel = "DATE", description = "Release cutoff date (YYYY-MM-DD).")
    String cutoffDate;

    @Option(names = "--tier", paramLabel = "TIER", split = ",", description = "Tier(s) to build: registered, controlled, or all (default: all, the tiers in the config).")
    List<String> tiers;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--job-repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: embedded H2 in the work directory).")
    String jobRepositoryUrl;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File holding the privacy key (default: $CDR_PRIVACY_KEY, else privacy_key_file in release.yaml).")
    Path keyFile;

    /** The release.yaml to read: --config, else $CDR_HOME/config/release.yaml, else ./config/release.yaml. */
    Path configFile() {
        if (config != null) {
            return config;
        }
        String home = System.getProperty("cdr.home", System.getenv("CDR_HOME"));
        if (home != null && Files.isRegularFile(Path.of(home, "config", "release.yaml"))) {
            return Path.of(home, "config", "release.yaml");
        }
        return Path.of("config", "release.yaml");
    }

    /**
     * The settings of the configuration with the flags applied. A version of {@code next} (flag or release.yaml)
     * is resolved to the version after the newest published one, or to the version of the same build when it is
     * being resumed ({@link NextVersion}).
     */
    public BuildSettings settings() {
        return nextRequested() ? NextVersion.resolve(this::load) : load(version);
    }

    /** Whether the version asked for, by flag or in release.yaml, is {@code next}. */
    boolean nextRequested() {
        if (version != null) {
            return ReleaseVersion.NEXT.equals(version);
        }
        Path file = configFile();
        return Files.isRegularFile(file) && ReleaseVersion.NEXT.equals(ReleaseConfig.read(file).releaseVersion);
    }

    private BuildSettings load(String releaseVersion) {
        return BuildSettings.load(configFile(), new BuildSettings.Overrides(drop, vocabulary, releases, work, privateDir,
                releaseVersion, cutoffDate, tiers, threads, jobRepositoryUrl, keyFile));
    }
}
