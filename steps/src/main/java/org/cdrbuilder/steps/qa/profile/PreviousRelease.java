package org.cdrbuilder.steps.qa.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.ReleaseVersion;

/** Finds the newest published release of a tier older than a given version. */
public final class PreviousRelease {
    private PreviousRelease() {
    }

    /** {@code <releases>/<vN>/<tier>} with the highest N below {@code version} that has a manifest. */
    public static Optional<Path> of(Path releases, ReleaseVersion version, String tier) {
        if (!Files.isDirectory(releases)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(releases)) {
            return s.filter(p -> p.getFileName().toString().matches("v[0-9]{1,6}"))
                    .filter(p -> ReleaseVersion.parse(p.getFileName().toString()).compareTo(version) < 0)
                    .filter(p -> Files.isRegularFile(p.resolve(tier).resolve("manifest.json")))
                    .max((a, b) -> ReleaseVersion.parse(a.getFileName().toString())
                            .compareTo(ReleaseVersion.parse(b.getFileName().toString())))
                    .map(p -> p.resolve(tier));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + releases, e);
        }
    }
}
