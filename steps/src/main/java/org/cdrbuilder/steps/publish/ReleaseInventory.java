package org.cdrbuilder.steps.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.stage.WorkLayout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a releases directory holds, read from the manifests: each published version and tier with its build date,
 * cutoff, persons and rows, and the version {@code latest.json} names per tier. Leftovers of an interrupted
 * publication ({@code .vN.partial}, {@code .vN.replaced}, see {@link ReleaseLayout}) and anything else that is not a
 * published tier are listed as ignored, with the reason.
 */
public final class ReleaseInventory {
    private static final Pattern VERSION = Pattern.compile("v([0-9]+)");
    private static final Pattern LEFTOVER = Pattern.compile("\\.(v[0-9]+)\\.(partial|replaced)");
    private static final Pattern LOCK = Pattern.compile("\\.(v[0-9]+|latest)\\.lock");

    private ReleaseInventory() {
    }

    /** One published tier of one version. */
    public record Tier(String version, String tier, String buildTime, String cutoffDate, String codeVersion,
                       Long persons, long rows, int tables, boolean latest) {
    }

    /** Something in the releases directory that is not a published tier. */
    public record Ignored(String path, String reason) {
    }

    /**
     * The inventory of a releases directory.
     *
     * @param tiers published tiers, by version (oldest first) then tier name
     * @param latest the version {@code latest.json} names per tier
     */
    public record Inventory(String releases, List<Tier> tiers, Map<String, String> latest, List<Ignored> ignored) {
        /** The newest published version, or null when there is none. */
        public ReleaseVersion newest() {
            return tiers.stream().map(t -> ReleaseVersion.parse(t.version())).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** Reads {@code releases}; throws {@link ConfigException} when it is not a directory. */
    public static Inventory read(Path releases) {
        if (!Files.isDirectory(releases)) {
            throw new ConfigException("releases directory not found: " + releases);
        }
        ReleaseLayout layout = new ReleaseLayout(releases);
        List<Ignored> ignored = new ArrayList<>();
        Map<String, String> latest;
        try {
            latest = layout.latest();
        } catch (UncheckedIOException e) {
            latest = new TreeMap<>();
            ignored.add(new Ignored("latest.json", "unreadable: " + e.getCause().getMessage()));
        }
        List<Path> versions = new ArrayList<>();
        try (Stream<Path> s = Files.list(releases)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                Matcher leftover = LEFTOVER.matcher(name);
                if (Files.isDirectory(p) && VERSION.matcher(name).matches()) {
                    versions.add(p);
                } else if (Files.isDirectory(p) && leftover.matches()) {
                    ignored.add(new Ignored(name, leftover.group(2).equals("partial")
                            ? "an unfinished publication of " + leftover.group(1) + " (assembled, never published): "
                                    + "the build that made it resumes it, a new build of " + leftover.group(1) + " deletes it"
                            : "what " + leftover.group(1) + " held before --replace published it again: deleted when "
                                    + "that build resumes"));
                } else if (name.equals("latest.json") || LOCK.matcher(name).matches()) {
                    continue; // the latest pointer and the publication locks
                } else {
                    ignored.add(new Ignored(name, "not a release version (releases are folders named v1, v2, ...)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + releases, e);
        }
        versions.sort(Comparator.comparingInt(p -> ReleaseVersion.parse(p.getFileName().toString()).number()));
        List<Tier> tiers = new ArrayList<>();
        for (Path v : versions) {
            String version = v.getFileName().toString();
            List<String> names = ReleaseLayout.tiers(v);
            if (names.isEmpty()) {
                ignored.add(new Ignored(version, "a version folder without tiers"));
            }
            for (String tier : names) {
                Path manifest = v.resolve(tier).resolve(ReleaseVerifier.MANIFEST);
                if (!Files.isRegularFile(manifest)) {
                    ignored.add(new Ignored(version + "/" + tier, "a tier folder without " + ReleaseVerifier.MANIFEST));
                    continue;
                }
                JsonNode m;
                try {
                    m = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(manifest));
                } catch (IOException e) {
                    ignored.add(new Ignored(version + "/" + tier + "/" + ReleaseVerifier.MANIFEST, "unreadable: " + e.getMessage()));
                    continue;
                }
                long rows = 0;
                int tables = 0;
                for (Iterator<JsonNode> it = m.path("tables").elements(); it.hasNext(); ) {
                    rows += it.next().path("row_count").asLong();
                    tables++;
                }
                JsonNode person = m.path("tables").path("person").path("row_count");
                tiers.add(new Tier(version, tier, m.path("build_time").asText(null), m.path("cutoff_date").asText(null),
                        m.path("code_version").asText(null), person.isNumber() ? person.asLong() : null, rows, tables,
                        version.equals(latest.get(tier))));
            }
        }
        for (Map.Entry<String, String> e : latest.entrySet()) {
            String tier = e.getKey();
            if (tiers.stream().noneMatch(t -> t.tier().equals(tier) && t.version().equals(e.getValue()))) {
                ignored.add(new Ignored("latest.json", "names " + e.getValue() + " for tier " + tier
                        + ", which is not published here"));
            }
        }
        return new Inventory(releases.toString(), List.copyOf(tiers),
                java.util.Collections.unmodifiableMap(new TreeMap<>(latest)), List.copyOf(ignored));
    }
}
