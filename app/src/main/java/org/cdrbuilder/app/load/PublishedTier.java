package org.cdrbuilder.app.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One published tier as its {@code manifest.json} describes it: version, tier, the build that published it and, per
 * table, the row count and the Parquet parts with their rows.
 */
public record PublishedTier(Path dir, String version, String tier, String buildId, String codeVersion,
                            String cutoffDate, List<Table> tables) {
    public PublishedTier {
        requireNonNull(dir, "dir is null");
        requireNonNull(version, "version is null");
        requireNonNull(tier, "tier is null");
        requireNonNull(buildId, "buildId is null");
        tables = List.copyOf(tables);
    }

    /** A table of the manifest: its definition in the changelog, row count and parts. */
    public record Table(TableDef def, long rowCount, List<Part> parts) {
        public Table {
            parts = List.copyOf(parts);
        }

        public String name() {
            return def.name();
        }
    }

    /** A Parquet part of a table: its path relative to the tier and its rows. */
    public record Part(String path, Path file, long rows) {
    }

    public long rowCount() {
        return tables.stream().mapToLong(Table::rowCount).sum();
    }

    /**
     * Reads the tier at {@code dir} ({@code releases/vN/<tier>}), or, when {@code dir} is a version folder
     * ({@code releases/vN}), its tier {@code tier}. Tables come in changelog order.
     *
     * @throws ConfigException when there is no such release or tier
     * @throws ReleaseRejectedException when the manifest names a table the changelog does not declare
     */
    public static PublishedTier read(Path dir, String tier) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new ConfigException("no release directory " + d);
        }
        if (!Files.isRegularFile(d.resolve("manifest.json"))) {
            List<String> tiers = tiersOf(d);
            if (tier == null) {
                throw new ConfigException(tiers.isEmpty()
                        ? "not a published release (no manifest.json): " + d
                        : d + " is a release version; name one of its tiers with --tier (" + String.join(", ", tiers) + ")");
            }
            if (!tiers.contains(tier)) {
                throw new ConfigException("release " + d + " has no tier " + tier
                        + (tiers.isEmpty() ? "" : " (it has " + String.join(", ", tiers) + ")"));
            }
            d = d.resolve(tier);
        }
        JsonNode m;
        try {
            m = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(d.resolve("manifest.json")));
        } catch (IOException e) {
            throw new ReleaseRejectedException("cannot read " + d.resolve("manifest.json") + ": " + e.getMessage(), e);
        }
        String version = text(m, "version", d);
        String manifestTier = text(m, "tier", d);
        if (tier != null && !tier.equals(manifestTier)) {
            throw new ConfigException("--tier " + tier + " given, but " + d + " is tier " + manifestTier);
        }
        CdrSchema schema = CdrSchema.get();
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (schema.findTable(e.getKey()).isEmpty()) {
                throw new ReleaseRejectedException("table " + e.getKey() + " of " + d.resolve("manifest.json")
                        + " is not in the schema changelog of this cdr version (" + CdrSchema.CHANGELOG
                        + "); load the release with the cdr version that published it (" + m.path("code_version").asText("?") + ")");
            }
            byName.put(e.getKey(), e.getValue());
        }
        if (byName.isEmpty()) {
            throw new ReleaseRejectedException(d.resolve("manifest.json") + " lists no tables");
        }
        List<Table> tables = new ArrayList<>();
        for (TableDef t : schema.tables()) {
            JsonNode e = byName.get(t.name());
            if (e == null) {
                continue;
            }
            List<Part> parts = new ArrayList<>();
            for (JsonNode f : e.path("files")) {
                String path = f.path("path").asText("");
                Path file = d.resolve(path).normalize();
                if (path.isEmpty() || !file.startsWith(d)) {
                    throw new ReleaseRejectedException("table " + t.name() + " of " + d.resolve("manifest.json")
                            + " names a file outside the release: '" + path + "'");
                }
                parts.add(new Part(path, file, f.path("rows").asLong(-1)));
            }
            tables.add(new Table(t, e.path("row_count").asLong(-1), parts));
        }
        return new PublishedTier(d, version, manifestTier, text(m, "build_id", d), m.path("code_version").asText(null),
                m.path("cutoff_date").asText(null), tables);
    }

    /**
     * Checks the parts against the manifest before anything is loaded: each part exists, its Parquet footer has the
     * rows the manifest gives it, and the parts add up to the table's row count.
     *
     * @throws ReleaseRejectedException naming the table and file that disagree
     */
    public void checkParts() {
        for (Table t : tables) {
            long sum = 0;
            for (Part p : t.parts()) {
                if (!Files.isRegularFile(p.file())) {
                    throw new ReleaseRejectedException("table " + t.name() + ": file " + p.path() + " of the manifest is missing in " + dir);
                }
                long rows;
                try {
                    rows = RowParquetReader.countRows(p.file());
                } catch (RuntimeException e) {
                    throw new ReleaseRejectedException("table " + t.name() + ": " + p.path() + " is not a readable Parquet file: "
                            + e.getMessage(), e);
                }
                if (rows != p.rows()) {
                    throw new ReleaseRejectedException("table " + t.name() + ": " + p.path() + " holds " + rows
                            + " rows, the manifest says " + p.rows());
                }
                sum += rows;
            }
            if (sum != t.rowCount()) {
                throw new ReleaseRejectedException("table " + t.name() + ": its files hold " + sum + " rows, the manifest says "
                        + t.rowCount());
            }
        }
    }

    private static String text(JsonNode m, String field, Path dir) {
        String v = m.path(field).asText("");
        if (v.isBlank()) {
            throw new ReleaseRejectedException(dir.resolve("manifest.json") + " has no " + field);
        }
        return v;
    }

    private static List<String> tiersOf(Path versionDir) {
        try (Stream<Path> s = Files.list(versionDir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
