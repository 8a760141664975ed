package org.cdrbuilder.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code config/snapshot.yaml}: the dissemination rule of the public aggregate counts and how the snapshot page
 * presents them. Validated when read, so that a bad value stops the build before it starts.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class SnapshotConfig {
    /** Counts of participants or records from 1 to this are shown as this; larger ones round up to a multiple of it. */
    public int cellSize = 20;
    /** Lower bounds of the age bands (age at the cutoff date), ascending; the last band is open-ended. */
    public List<Integer> ageBands = new ArrayList<>(List.of(18, 30, 40, 50, 60, 70, 80, 89));
    /** Concepts per domain drawn in the "top concepts" charts of the page. */
    public int topConcepts = 10;
    /** Concepts per domain listed in the page's Data Browser tables (the JSON and Parquet files list all). */
    public int pageConceptsPerDomain = 500;

    public static SnapshotConfig read(Path file) {
        SnapshotConfig c = ReleaseConfig.readYaml(file, SnapshotConfig.class);
        c.validate(file);
        return c;
    }

    private void validate(Path file) {
        if (cellSize < 1) {
            throw new ConfigException(file + ": cell_size must be >= 1");
        }
        if (ageBands == null || ageBands.isEmpty()) {
            throw new ConfigException(file + ": age_bands must list at least one lower bound");
        }
        for (int i = 1; i < ageBands.size(); i++) {
            if (ageBands.get(i) <= ageBands.get(i - 1)) {
                throw new ConfigException(file + ": age_bands must be ascending: " + ageBands);
            }
        }
        if (topConcepts < 1 || pageConceptsPerDomain < 1) {
            throw new ConfigException(file + ": top_concepts and page_concepts_per_domain must be >= 1");
        }
    }
}
