package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Which stage holds the current version of each table. A data stage reads a table from the stage named here and,
 * when it completes, registers itself as the new holder of the tables it wrote; publish reads the final holders.
 * Kept as {@code state/candidate[-<tier>].json} so that a restarted build knows where every table is.
 */
public final class ReleaseCandidate {
    private final WorkLayout layout;
    private final Path file;

    public ReleaseCandidate(WorkLayout layout, String tier) {
        this.layout = requireNonNull(layout, "layout is null");
        this.file = layout.state(tier == null ? "candidate.json" : "candidate-" + tier + ".json");
    }

    public synchronized Map<String, String> holders() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(file), new TypeReference<TreeMap<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Records that {@code stage} now holds {@code tables}. */
    public synchronized void register(String stage, Collection<String> tables) {
        Map<String, String> m = holders();
        for (String t : tables) {
            m.put(t, stage);
        }
        WorkLayout.writeJson(file, m);
    }

    /** The stage holding {@code table}, or null when no stage produced it. */
    public String holder(String table) {
        return holders().get(table);
    }

    /** The files of the current version of {@code table}, in part order (empty when none). */
    public List<Path> parts(String table) {
        String stage = holder(table);
        return stage == null ? List.of() : layout.outputs(stage, table);
    }

    /**
     * The candidate of a tier: its own when a tier-specific stage (privacy) registered tables for it, else the shared
     * candidate all tiers start from.
     */
    public static ReleaseCandidate forTier(WorkLayout layout, String tier) {
        ReleaseCandidate tiered = new ReleaseCandidate(layout, tier);
        return tiered.holders().isEmpty() ? new ReleaseCandidate(layout, null) : tiered;
    }

    /** Copies this candidate's holders into another (a tier starting from the shared candidate). */
    public void copyTo(ReleaseCandidate other) {
        Map<String, String> m = holders();
        WorkLayout.writeJson(other.file, m);
    }
}
