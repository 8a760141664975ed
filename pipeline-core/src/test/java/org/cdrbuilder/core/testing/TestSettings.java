package org.cdrbuilder.core.testing;

import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.config.BuildSettings;

/** Build settings for tests: the repository's config files with paths in a temporary directory. */
public final class TestSettings {
    private TestSettings() {
    }

    public static BuildSettings of(Path tmp, Path drop, Path vocabulary, String version, List<String> extraYaml) {
        Path config = repoRoot().resolve("config");
        StringBuilder y = new StringBuilder();
        y.append("drop: ").append(drop.toAbsolutePath()).append('\n');
        y.append("vocabulary: ").append(vocabulary.toAbsolutePath()).append('\n');
        y.append("releases: ").append(tmp.resolve("releases").toAbsolutePath()).append('\n');
        y.append("work: ").append(tmp.resolve("work").toAbsolutePath()).append('\n');
        y.append("private: ").append(tmp.resolve("private").toAbsolutePath()).append('\n');
        y.append("release_version: ").append(version).append('\n');
        y.append("cutoff_date: \"2026-10-01\"\n");
        y.append("threads: 2\n");
        y.append("ingest: ").append(config.resolve("ingest.yaml")).append('\n');
        y.append("demographics: ").append(config.resolve("demographics.yaml")).append('\n');
        y.append("rules: ").append(config.resolve("rules.yaml")).append('\n');
        y.append("tier_profiles: ").append(config.resolve("tiers")).append('\n');
        y.append("qa: ").append(config.resolve("qa")).append('\n');
        y.append("snapshot: ").append(config.resolve("snapshot.yaml")).append('\n');
        y.append("vocabulary_config: ").append(config.resolve("vocabulary")).append('\n');
        boolean tiersGiven = extraYaml.stream().anyMatch(l -> l.startsWith("tiers:"));
        if (!tiersGiven) {
            y.append("tiers: [controlled]\n"); // real dates, one tier: what most tests assert on
        }
        if (extraYaml.stream().noneMatch(l -> l.startsWith("privacy_key_file:"))) {
            y.append("privacy_key_file: ").append(repoRoot().resolve("sample-data/privacy-dev.key")).append('\n');
        }
        if (extraYaml.stream().noneMatch(l -> l.startsWith("cdm_source:"))) {
            y.append("cdm_source:\n  holder: Test Program\n  source_description: A release built by a test.\n");
        }
        extraYaml.forEach(l -> y.append(l).append('\n'));
        Path file = TestFiles.write(tmp.resolve("config").resolve("release.yaml"), y.toString());
        return BuildSettings.load(file, BuildSettings.Overrides.none());
    }

    public static BuildSettings of(Path tmp, Path drop, Path vocabulary) {
        return of(tmp, drop, vocabulary, "v1", List.of());
    }

    private static Path repoRoot() {
        return TestFiles.repoRoot();
    }
}
