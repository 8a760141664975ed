package org.cdrbuilder.steps.qa.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.stage.WorkLayout;

/**
 * What a release holds, in the terms the release comparison uses: rows per table, participants per data type, and
 * the distinct concepts of each table's concept fields. Saved with each release as {@value #FILE}, so that the next
 * release compares with it without reading the old Parquet.
 */
public final class ReleaseProfile {
    public static final String FILE = "release-profile.json";

    public String version;
    public String tier;
    public Map<String, Long> rows = new TreeMap<>();
    public Map<String, Long> participants = new TreeMap<>();
    /** Distinct concept ids, ascending, per {@code table.field}. */
    public Map<String, List<Integer>> concepts = new TreeMap<>();

    /** The profile saved in a release's {@code qa/} folder, or null when the release has none. */
    public static ReleaseProfile saved(Path releaseDir) {
        Path f = releaseDir.resolve("qa").resolve(FILE);
        return Files.isRegularFile(f) ? WorkLayout.readJson(f, ReleaseProfile.class) : null;
    }
}
