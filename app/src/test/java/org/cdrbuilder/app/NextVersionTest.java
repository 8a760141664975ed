package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cdrbuilder.app.batch.NextVersion;
import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --release-version next}: the version after the newest published one, resolved once per build, so that a
 * build killed at any point (even after its version was renamed into place) resumes that version, not the next.
 */
class NextVersionTest {
    @TempDir
    Path tmp;

    private BuildSettings settings(String version) {
        return BuildSettings.load(tmp.resolve("config/release.yaml"), new BuildSettings.Overrides(null, null, null, null,
                null, version, null, null, null, null, null));
    }

    @Test
    void afterTheNewestVersionFolderOrLatestPointer_ignoringLeftovers() throws Exception {
        Path releases = tmp.resolve("releases");
        assertThat(NextVersion.afterNewest(releases).toString()).isEqualTo("v1");
        Files.createDirectories(releases.resolve("v1/registered"));
        Files.createDirectories(releases.resolve("v2/registered"));
        Files.createDirectories(releases.resolve(".v3.partial/registered"));
        Files.createDirectories(releases.resolve("v7-backup"));
        assertThat(NextVersion.afterNewest(releases).toString()).isEqualTo("v3");
        WorkLayout.writeJson(releases.resolve("latest.json"), Map.of("registered", "v5"));
        assertThat(NextVersion.afterNewest(releases).toString()).isEqualTo("v6");
    }

    @Test
    void theRememberedVersion_standsUntilItsBuildIsReportedFinished_orTheBuildChanges() throws Exception {
        MiniDrop.settings(tmp);
        assertThat(NextVersion.resolve(this::settings).version().toString()).isEqualTo("v1");
        Files.createDirectories(tmp.resolve("releases/v1/controlled"));
        Files.createDirectories(tmp.resolve("releases/v2/controlled"));
        BuildSettings v3 = NextVersion.resolve(this::settings);
        assertThat(v3.version().toString()).isEqualTo("v3");
        NextVersion.remember(v3);
        Files.createDirectories(v3.versionWork());
        // a version published while the build is unfinished: another build's v4 does not move it
        Files.createDirectories(tmp.resolve("releases/v4/controlled"));
        assertThat(NextVersion.resolve(this::settings).version().toString()).isEqualTo("v3");
        // the same build with another drop is another build
        Path registry = tmp.resolve("drop/participants/participants.csv");
        Files.writeString(registry, Files.readString(registry) + "\n");
        assertThat(NextVersion.resolve(this::settings).version().toString()).isEqualTo("v5");
        NextVersion.remember(NextVersion.resolve(this::settings));
        Files.createDirectories(tmp.resolve("work/v5/state"));
        assertThat(NextVersion.resolve(this::settings).version().toString()).isEqualTo("v5");
        // reported finished: next moves on
        Files.writeString(tmp.resolve("work/v5/state/finished.txt"), "v5");
        Files.createDirectories(tmp.resolve("releases/v5/controlled"));
        assertThat(NextVersion.resolve(this::settings).version().toString()).isEqualTo("v6");
    }

    @Test
    void releaseVersionNextInTheConfig_isRefusedByNoOtherCommand() throws Exception {
        MiniDrop.settings(tmp);
        Path config = tmp.resolve("config/release.yaml");
        Files.writeString(config, Files.readString(config).replace("release_version: v1", "release_version: next"));
        CliRun validate = CliRun.of("validate", "--config", config.toString());
        assertThat(validate.code()).as(validate.output()).isZero();
        assertThat(tmp.resolve("work/validate/v1")).isDirectory();
        CliRun bad = CliRun.of("validate", "--config", config.toString(), "--release-version", "latest");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.output()).contains("release version must look like v1, v2, ... (or next): 'latest'");
    }

    @Test
    void builds_v1_v2_andKilledBuildsResumeTheirOwnVersion() throws Exception {
        MiniDrop.settings(tmp);
        String config = tmp.resolve("config/release.yaml").toString();
        assertThat(CliRun.of("build", "--config", config, "--release-version", "next", "--progress-interval", "0").code())
                .isZero();
        assertThat(tmp.resolve("releases/v1/controlled/manifest.json")).isRegularFile();

        // killed in the middle of a stage: nothing of v2 is published; the same command builds v2, not v3
        assertThat(killed(config, "harmonize:ehr.site_a.visit_occurrence:0")).isEqualTo(137);
        assertThat(tmp.resolve("releases/v2")).doesNotExist();
        CliRun resumed = CliRun.of("build", "--config", config, "--release-version", "next", "--progress-interval", "0");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(tmp.resolve("releases/v2/controlled/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("releases/v3")).doesNotExist();
        assertThat(Files.readString(logOf("v2"))).contains("resuming v2");

        // killed after the version was renamed into place, before latest.json and the report: v3 is finished, not v4
        assertThat(killed(config, "publish:swap.moved:0")).isEqualTo(137);
        assertThat(tmp.resolve("releases/v3/controlled/manifest.json")).isRegularFile();
        assertThat(latest()).isEqualTo("v2");
        String token = WorkLayout.JSON.readTree(tmp.resolve("releases/v3/controlled/manifest.json").toFile())
                .path("build_id").asText();
        CliRun finished = CliRun.of("build", "--config", config, "--release-version", "next", "--progress-interval", "0");
        assertThat(finished.code()).as(finished.output()).isZero();
        assertThat(tmp.resolve("releases/v4")).doesNotExist();
        assertThat(latest()).isEqualTo("v3");
        assertThat(WorkLayout.JSON.readTree(tmp.resolve("releases/v3/controlled/manifest.json").toFile())
                .path("build_id").asText()).isEqualTo(token);
        assertThat(CliRun.of("verify", tmp.resolve("releases/v3").toString()).code()).isZero();
    }

    private String latest() throws Exception {
        JsonNode l = WorkLayout.JSON.readTree(tmp.resolve("releases/latest.json").toFile());
        return l.path("controlled").asText();
    }

    private Path logOf(String version) throws Exception {
        try (var s = Files.list(tmp.resolve("work/logs"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(version + "-")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    /** Runs {@code build --release-version next} in another JVM that halts, as if killed, at {@code point}. */
    private int killed(String config, String point) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcdr.fault=" + point + ":halt",
                "org.cdrbuilder.app.cli.Cdr", "build", "--config", config, "--release-version", "next",
                "--progress-interval", "0"));
        Path out = tmp.resolve("killed-" + point.replace(':', '_') + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(point).isTrue();
        return p.exitValue();
    }
}
