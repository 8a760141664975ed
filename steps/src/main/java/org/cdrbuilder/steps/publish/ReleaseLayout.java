package org.cdrbuilder.steps.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.io.Storage;
import org.cdrbuilder.core.stage.FaultInjector;
import org.cdrbuilder.core.stage.WorkLayout;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The releases directory: {@code <releases>/<version>/<tier>/} for published releases and {@code latest.json}
 * naming the newest version per tier. A version is published as one unit: every tier of it is assembled in
 * {@code .<version>.partial/}, which one rename turns into {@code <version>/}; replacing a version moves the old one
 * to {@code .<version>.replaced/} first (its tiers that the build did not rebuild are carried over, as hard links). Every step can
 * be interrupted and resumed: {@link #publish} recognizes what an earlier attempt of the same build already did by
 * the build's token, written into each tier's manifest.
 */
public final class ReleaseLayout {
    /** Manifest field naming the build that published a tier (a random token kept in the build's work directory). */
    public static final String BUILD_ID = "build_id";

    /** How long an update of latest.json waits for another build's lock file (file systems without file locks). */
    private static final long LATEST_LOCK_WAIT_MILLIS = 600_000;
    private static final String MANIFEST = "manifest.json";

    private final Path releases;

    public ReleaseLayout(Path releases) {
        this.releases = releases;
    }

    public Path root() {
        return releases;
    }

    public Path version(ReleaseVersion v) {
        return releases.resolve(v.toString());
    }

    public Path published(ReleaseVersion v, String tier) {
        return version(v).resolve(tier);
    }

    /** Where a version is assembled, every tier of it, until one rename publishes it. */
    public Path staging(ReleaseVersion v) {
        return releases.resolve("." + v + ".partial");
    }

    public Path partial(ReleaseVersion v, String tier) {
        return staging(v).resolve(tier);
    }

    /** Where a replaced version waits, between the two renames, to be deleted. */
    public Path replaced(ReleaseVersion v) {
        return releases.resolve("." + v + ".replaced");
    }

    public Path latestFile() {
        return releases.resolve("latest.json");
    }

    /** Whether a published version holds a tier that build {@code token} published. */
    public boolean publishedBy(ReleaseVersion v, String token) {
        if (token == null || !Files.isDirectory(version(v))) {
            return false;
        }
        for (String tier : tiers(version(v))) {
            Path manifest = published(v, tier).resolve("manifest.json");
            if (Files.isRegularFile(manifest)) {
                try {
                    JsonNode m = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(manifest));
                    if (token.equals(m.path(BUILD_ID).asText(null))) {
                        return true;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Publishes the assembled version (resuming whatever an earlier attempt of the same build did): an existing
     * version is refused unless {@code replace}, in which case its tiers this build did not assemble are carried
     * over and the rest is deleted; then {@code latest.json} is updated, last, for every tier of the version.
     *
     * @param token the build's token, to recognize its own earlier attempt
     * @param faults kill points between the steps, for the fault campaign
     */
    public void publish(ReleaseVersion v, String token, boolean replace, FaultInjector faults) {
        if (!Storage.atomicDirectoryRename(releases)) {
            publishByManifest(v, token, replace, faults);
            return;
        }
        Path staging = staging(v);
        Path target = version(v);
        Path old = replaced(v);
        try {
            if (publishedBy(v, token)) {
                FileTrees.deleteTree(staging); // assembled again by a restart after this build had published
            } else if (!Files.isDirectory(staging)) {
                throw new IllegalStateException("nothing assembled to publish at " + staging);
            } else {
                if (Files.isDirectory(target)) {
                    if (!replace) {
                        throw new ReleaseExistsException("release " + v + " is already published at " + target
                                + "; use --replace to build it again");
                    }
                    for (String tier : tiers(target)) {
                        if (!Files.exists(staging.resolve(tier))) {
                            // a tier this build did not rebuild stays published: linked into the new version
                            FileTrees.linkTree(target.resolve(tier), staging.resolve("." + tier + ".carried"));
                            Files.move(staging.resolve("." + tier + ".carried"), staging.resolve(tier),
                                    StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                    FileTrees.deleteTree(old);
                    faults.checkpoint("publish", "swap.before-old-moved", 0);
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                    faults.checkpoint("publish", "swap.old-moved", 0);
                }
                Files.createDirectories(releases);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                faults.checkpoint("publish", "swap.moved", 0);
            }
            FileTrees.deleteTree(old);
            Map<String, String> latest = new TreeMap<>();
            for (String tier : tiers(target)) {
                latest.put(tier, v.toString());
            }
            updateLatest(latest);
            faults.checkpoint("publish", "swap.latest", 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging + " as " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a version is published: its folder exists (a rename made it whole) or, on an object store, one of its
     * tiers has a committed manifest (a folder without one is what an interrupted publication left).
     */
    public boolean isPublished(ReleaseVersion v) {
        if (Storage.atomicDirectoryRename(releases)) {
            return Files.isDirectory(version(v));
        }
        return tiers(version(v)).stream().anyMatch(t -> Files.isRegularFile(published(v, t).resolve(MANIFEST)));
    }

    /**
     * Publication where a directory cannot be renamed atomically (object stores, which copy object by object): each
     * tier's files are copied into {@code <version>/<tier>/} and its {@code manifest.json} last, so that a tier is
     * published exactly when its manifest exists, and every reader trusts only a committed manifest. Replacing a tier
     * deletes its manifest first. The staging folder stays whole until every tier is committed, so an interrupted
     * publication is resumed by the same build (its token in the manifests tells what it already committed).
     */
    private void publishByManifest(ReleaseVersion v, String token, boolean replace, FaultInjector faults) {
        Path staging = staging(v);
        Path target = version(v);
        try {
            if (!Files.isDirectory(staging)) {
                if (!publishedBy(v, token)) {
                    throw new IllegalStateException("nothing assembled to publish at " + staging);
                }
            } else {
                List<String> tiers = tiers(staging);
                for (String tier : tiers) {
                    Path manifest = target.resolve(tier).resolve(MANIFEST);
                    if (Files.isRegularFile(manifest) && !token.equals(builtBy(manifest))) {
                        if (!replace) {
                            throw new ReleaseExistsException("release " + v + " is already published at " + target
                                    + "; use --replace to build it again");
                        }
                        Files.delete(manifest); // the old tier is no longer published from here on
                    }
                }
                for (String tier : tiers) {
                    Path dest = target.resolve(tier);
                    if (Files.isRegularFile(dest.resolve(MANIFEST))) {
                        continue; // committed by an earlier attempt of this build
                    }
                    FileTrees.deleteTree(dest); // the replaced tier, or what an interrupted attempt copied
                    Path source = staging.resolve(tier);
                    try (Stream<Path> files = Files.walk(source)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            if (!f.equals(source.resolve(MANIFEST))) {
                                Path to = dest.resolve(source.relativize(f).toString());
                                Files.createDirectories(to.getParent());
                                Files.copy(f, to);
                            }
                        }
                    }
                    faults.checkpoint("publish", "commit.files-copied", 0);
                    Files.copy(source.resolve(MANIFEST), dest.resolve(MANIFEST));
                    faults.checkpoint("publish", "commit.manifest", 0);
                }
                FileTrees.deleteTree(staging);
            }
            Map<String, String> latest = new TreeMap<>();
            for (String tier : tiers(target)) {
                if (Files.isRegularFile(published(v, tier).resolve(MANIFEST))) {
                    latest.put(tier, v.toString());
                }
            }
            updateLatest(latest);
            faults.checkpoint("publish", "swap.latest", 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging + " as " + target + ": " + e.getMessage(), e);
        }
    }

    private static String builtBy(Path manifest) throws IOException {
        return WorkLayout.JSON.readTree(Files.newInputStream(manifest)).path(BUILD_ID).asText(null);
    }

    /** The tier folders of a version folder (published or staging). */
    static List<String> tiers(Path versionDir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(versionDir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(versionDir)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versionDir, e);
        }
        return out;
    }

    /** Newest published version per tier. */
    public Map<String, String> latest() {
        Path f = latestFile();
        if (!Files.isRegularFile(f)) {
            return new TreeMap<>();
        }
        try {
            return WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(f), new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /**
     * Points {@code latest} of each tier at its version unless a newer version is already published; one atomic
     * rewrite of {@code latest.json}, under a lock shared with other builds.
     */
    public void updateLatest(Map<String, String> versions) {
        try {
            Files.createDirectories(releases);
            try (Storage.Lock ignored = Storage.lock(releases.resolve(".latest.lock"), "cdr publish, process "
                    + ProcessHandle.current().pid(), LATEST_LOCK_WAIT_MILLIS)) {
                Map<String, String> m = latest();
                boolean changed = false;
                for (Map.Entry<String, String> e : versions.entrySet()) {
                    String current = m.get(e.getKey());
                    if (current == null || ReleaseVersion.parse(current).compareTo(ReleaseVersion.parse(e.getValue())) < 0) {
                        m.put(e.getKey(), e.getValue());
                        changed = true;
                    }
                }
                if (changed || !Files.isRegularFile(latestFile())) {
                    WorkLayout.writeJson(latestFile(), m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + latestFile(), e);
        }
    }

    /** Points {@code latest} of a tier at {@code v} unless a newer version is already published. */
    public void updateLatest(String tier, ReleaseVersion v) {
        updateLatest(Map.of(tier, v.toString()));
    }
}
