package org.cdrbuilder.app.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.publish.PublishStage;
import org.cdrbuilder.steps.publish.ReleaseLayout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --release-version next} (or {@code release_version: next}): the version after the newest one in the
 * releases directory (v1 when there is none), resolved once, when a build of it starts, and kept for the same build
 * until that build has been reported finished. A build killed at any point, even after it renamed its version into
 * place, resumes that version with the same command instead of starting the one after it.
 * <p>
 * The work directory remembers the resolution in {@code next-version.json}: the version and the build's identity
 * (inputs, configuration, tiers and releases directory: the job parameters without the version, so a changed drop is
 * another build). The remembered version stands while its build's work directory exists without the marker of a
 * reported build ({@link BuildRunner#finishedMarker}) and the version is not published by another build than that
 * one (its token, {@link PublishStage#existingToken}). Otherwise "next" is resolved again from the releases
 * directory: every folder {@code vN} and every version {@code latest.json} names counts as taken; leftovers of an
 * interrupted publication ({@code .vN.partial}) do not.
 */
public final class NextVersion {
    /** The file, in the work directory (beside the versions' work directories), that remembers the resolution. */
    public static final String FILE = "next-version.json";

    private NextVersion() {
    }

    /**
     * Resolves "next".
     *
     * @param load the settings with a given version (the same configuration and flags otherwise)
     */
    public static BuildSettings resolve(Function<String, BuildSettings> load) {
        BuildSettings any = load.apply("v1");
        String identity = identity(any);
        JsonNode remembered = remembered(any.work());
        if (remembered != null && identity.equals(remembered.path("identity").asText())) {
            BuildSettings s = load.apply(remembered.path("version").asText());
            if (inProgress(s)) {
                return s;
            }
        }
        return load.apply(afterNewest(any.releases()).toString());
    }

    /** Records that the build of {@code settings} resolved "next" to its version (before the build starts). */
    public static void remember(BuildSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", settings.version().toString());
        m.put("identity", identity(settings));
        try {
            Files.createDirectories(settings.work());
            Path tmp = settings.work().resolve("." + FILE + ".tmp");
            WorkLayout.writeJson(tmp, m);
            Files.move(tmp, settings.work().resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.work().resolve(FILE), e);
        }
    }

    /** The version after every version the releases directory holds or latest.json names; v1 when none. */
    public static ReleaseVersion afterNewest(Path releases) {
        int newest = 0;
        if (Files.isDirectory(releases)) {
            try (Stream<Path> s = Files.list(releases)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p) && name.matches("v[0-9]{1,6}")) {
                        newest = Math.max(newest, ReleaseVersion.parse(name).number());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + releases, e);
            }
            for (String v : new ReleaseLayout(releases).latest().values()) {
                newest = Math.max(newest, ReleaseVersion.parse(v).number());
            }
        }
        return new ReleaseVersion(newest + 1);
    }

    /** Whether the build of this version was started in this work directory and not reported finished. */
    static boolean inProgress(BuildSettings s) {
        if (!Files.isDirectory(s.versionWork())) {
            return false;
        }
        BuildContext ctx = new BuildContext(s);
        if (Files.isRegularFile(BuildRunner.finishedMarker(ctx))) {
            return false;
        }
        ReleaseLayout releases = new ReleaseLayout(s.releases());
        return !Files.isDirectory(releases.version(s.version()))
                || releases.publishedBy(s.version(), PublishStage.existingToken(ctx));
    }

    /** The job parameters of a build without its version: what makes a restart the same build. */
    static String identity(BuildSettings s) {
        return Fingerprint.sha256("inputs=" + BuildRunner.inputSignature(s) + "\nconfig=" + BuildRunner.configSignature(s)
                + "\ntiers=" + String.join(",", s.tiers()) + "\nreleases=" + s.releases() + "\n");
    }

    private static JsonNode remembered(Path work) {
        Path f = work.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(f));
        } catch (IOException e) {
            return null; // unreadable: resolve again
        }
    }
}
