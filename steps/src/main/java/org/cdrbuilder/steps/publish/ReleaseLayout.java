package org.cdrbuilder.steps.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.stage.WorkLayout;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The releases directory: {@code <releases>/<version>/<tier>/} for published releases, {@code .<tier>.partial}
 * beside it while one is being assembled, and {@code latest.json} naming the newest version per tier.
 */
public final class ReleaseLayout {
    private final Path releases;

    public ReleaseLayout(Path releases) {
        this.releases = releases;
    }

    public Path root() {
        return releases;
    }

    public Path published(ReleaseVersion v, String tier) {
        return releases.resolve(v.toString()).resolve(tier);
    }

    public Path partial(ReleaseVersion v, String tier) {
        return releases.resolve(v.toString()).resolve("." + tier + ".partial");
    }

    public Path latestFile() {
        return releases.resolve("latest.json");
    }

    /** Newest published version per tier. */
    public Map<String, String> latest() {
        Path f = latestFile();
        if (!Files.isRegularFile(f)) {
            return new TreeMap<>();
        }
        try {
            return WorkLayout.JSON.readValue(f.toFile(), new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Points {@code latest} of a tier at {@code v} unless a newer version is already published. */
    public void updateLatest(String tier, ReleaseVersion v) {
        try {
            Files.createDirectories(releases);
            try (FileChannel ch = FileChannel.open(releases.resolve(".latest.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                Map<String, String> m = latest();
                String current = m.get(tier);
                if (current == null || ReleaseVersion.parse(current).compareTo(v) <= 0) {
                    m.put(tier, v.toString());
                    WorkLayout.writeJson(latestFile(), m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + latestFile(), e);
        }
    }
}
