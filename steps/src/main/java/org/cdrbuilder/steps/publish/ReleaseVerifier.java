package org.cdrbuilder.steps.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.parquet.ParquetFooter;
import org.cdrbuilder.core.parquet.ParquetSchemas;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a published tier against its {@code manifest.json} and the schema changelog, as a downstream reader would
 * before trusting it: every listed file exists with its size and SHA-256, every Parquet file's footer holds the row
 * count the manifest gives and the Parquet schema the changelog derives for its table ({@link ParquetSchemas}), each
 * table's rows add up, the manifest's schema section matches the changelog, the manifest lists every table the
 * changelog publishes and no other, and no file on disk is left unlisted. The other file lists of the manifest
 * ({@code qa_files}, {@code snapshot_files}, {@code docs_files}: every {@code *_files} list) are checked by size and
 * digest. Everything is derived from the changelog: there is no list of tables or columns here.
 */
public final class ReleaseVerifier {
    public static final String MANIFEST = "manifest.json";

    private final CdrSchema schema;

    public ReleaseVerifier(CdrSchema schema) {
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** One way a release differs from what its manifest and the changelog say. */
    public record Difference(String file, String what, String expected, String found) {
        @Override
        public String toString() {
            return file + ": " + what + ": expected " + expected + ", found " + found;
        }
    }

    /** What was checked in one tier, and every difference found (in the order of the checks). */
    public static final class Result {
        public String dir;
        public String version;
        public String tier;
        public int tables;
        public int parquetFiles;
        public long rows;
        /** Bytes of the tables' Parquet files. */
        public long bytes;
        /** Per manifest file list ({@code qa_files} ...): files checked. */
        public Map<String, Integer> otherFiles = new LinkedHashMap<>();
        public List<Difference> differences = new ArrayList<>();

        public boolean ok() {
            return differences.isEmpty();
        }
    }

    /**
     * The tier directories under {@code dir}: {@code dir} itself when it holds a manifest (a tier), else its tier
     * folders (a version, named {@code vN} or with a tier that holds a manifest: every folder not starting with a
     * dot).
     *
     * @throws ConfigException when {@code dir} is neither
     */
    public static List<Path> tierDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("not a directory: " + dir);
        }
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            return List.of(dir);
        }
        List<Path> tiers = ReleaseLayout.tiers(dir).stream().map(dir::resolve).toList();
        boolean version = dir.getFileName() != null && dir.getFileName().toString().matches("v[0-9]+")
                || tiers.stream().anyMatch(t -> Files.isRegularFile(t.resolve(MANIFEST)));
        if (tiers.isEmpty() || !version) {
            throw new ConfigException(dir + " is not a release: it holds no " + MANIFEST
                    + " (a tier, releases/vN/<tier>) and no tier folders (a version, releases/vN)");
        }
        return tiers;
    }

    /** Verifies one tier directory. */
    public Result verify(Path tierDir) {
        Result r = new Result();
        r.dir = tierDir.toString();
        Path manifestFile = tierDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            r.differences.add(new Difference(MANIFEST, "file", "present", "missing"));
            return r;
        }
        JsonNode manifest;
        try {
            manifest = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(manifestFile));
        } catch (IOException e) {
            r.differences.add(new Difference(MANIFEST, "content", "JSON", "unreadable (" + e.getMessage() + ")"));
            return r;
        }
        r.version = manifest.path("version").asText(null);
        r.tier = manifest.path("tier").asText(null);
        checkNames(tierDir, r);
        Set<String> listed = new LinkedHashSet<>();
        listed.add(MANIFEST);
        checkTables(tierDir, manifest.path("tables"), r, listed);
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith("_files") && e.getValue().isArray()) {
                int n = 0;
                for (JsonNode f : e.getValue()) {
                    checkFile(tierDir, f, e.getKey(), r, listed);
                    n++;
                }
                r.otherFiles.put(e.getKey(), n);
            }
        }
        checkUnlisted(tierDir, listed, r);
        return r;
    }

    /** The manifest of releases/vN/T names version vN and tier T. */
    private static void checkNames(Path tierDir, Result r) {
        String dirTier = tierDir.getFileName().toString();
        if (!dirTier.equals(r.tier)) {
            r.differences.add(new Difference(MANIFEST, "tier", dirTier + " (the folder's name)", String.valueOf(r.tier)));
        }
        Path parent = tierDir.toAbsolutePath().normalize().getParent();
        String dirVersion = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        if (dirVersion != null && dirVersion.matches("v[0-9]+") && !dirVersion.equals(r.version)) {
            r.differences.add(new Difference(MANIFEST, "version", dirVersion + " (the folder's name)",
                    String.valueOf(r.version)));
        }
    }

    private void checkTables(Path tierDir, JsonNode tables, Result r, Set<String> listed) {
        if (!tables.isObject()) {
            r.differences.add(new Difference(MANIFEST, "tables", "an object of tables", tables.getNodeType().toString()));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            r.tables++;
            checkTable(tierDir, e.getKey(), e.getValue(), r, listed);
        }
        for (TableDef t : schema.tables()) {
            if (t.group().published() && !tables.has(t.name())) {
                r.differences.add(new Difference(MANIFEST, "table " + t.name(),
                        "listed (the changelog publishes it, group " + group(t) + ")", "not listed"));
            }
        }
    }

    private void checkTable(Path tierDir, String name, JsonNode entry, Result r, Set<String> listed) {
        TableDef table = schema.findTable(name).orElse(null);
        if (table == null || !table.group().published()) {
            r.differences.add(new Difference(MANIFEST, "table " + name, "a table the changelog publishes",
                    table == null ? "a table the changelog does not declare" : "an unpublished table (group "
                            + group(table) + ")"));
            table = null;
        } else {
            if (!group(table).equals(entry.path("group").asText())) {
                r.differences.add(new Difference(MANIFEST, "group of " + name, group(table),
                        entry.path("group").asText("(none)")));
            }
            checkManifestSchema(name, table, entry.path("schema"), r);
        }
        long sum = 0;
        boolean filesOk = true;
        for (JsonNode f : entry.path("files")) {
            String path = f.path("path").asText();
            if (table != null && !path.startsWith(table.group().releaseFolder() + "/" + name + "/")) {
                r.differences.add(new Difference(path, "location", "under " + table.group().releaseFolder() + "/"
                        + name + "/", path));
            }
            long expectedRows = f.path("rows").asLong(-1);
            sum += Math.max(expectedRows, 0);
            if (!checkFile(tierDir, f, "tables", r, listed)) {
                filesOk = false;
                continue;
            }
            r.parquetFiles++;
            ParquetFooter footer;
            try {
                footer = ParquetFooter.read(tierDir.resolve(path));
            } catch (IOException e) {
                r.differences.add(new Difference(path, "Parquet footer", "readable", "unreadable (" + e.getMessage() + ")"));
                filesOk = false;
                continue;
            }
            if (footer.rows() != expectedRows) {
                r.differences.add(new Difference(path, "rows (Parquet footer)", String.valueOf(expectedRows),
                        String.valueOf(footer.rows())));
            }
            if (table != null) {
                Difference d = schemaDifference(path, name, ParquetSchemas.messageType(table), footer.schema());
                if (d != null) {
                    r.differences.add(d);
                    filesOk = false;
                }
            }
            r.rows += footer.rows();
        }
        long rowCount = entry.path("row_count").asLong(-1);
        if (rowCount != sum) {
            r.differences.add(new Difference(MANIFEST, "row_count of " + name,
                    sum + " (the sum of its files' rows)", String.valueOf(rowCount)));
        }
        if (table != null && filesOk && name.equals("_cdr_metadata")) {
            checkMetadata(tierDir, table, entry, r);
        }
    }

    /** The manifest's schema of a table: the changelog's columns, in order, with type, length and nullability. */
    private static void checkManifestSchema(String name, TableDef table, JsonNode columns, Result r) {
        List<Map<String, Object>> expected = PublishStage.schemaOf(table);
        int n = Math.max(expected.size(), columns.size());
        for (int i = 0; i < n; i++) {
            String want = i < expected.size() ? describe(expected.get(i)) : "no column";
            String have = i < columns.size() ? describe(columns.get(i)) : "no column";
            if (!want.equals(have)) {
                r.differences.add(new Difference(MANIFEST, "schema of " + name + ", column " + (i + 1), want, have));
                return;
            }
        }
    }

    private static String describe(Map<String, Object> c) {
        return c.get("name") + " " + c.get("type") + (c.containsKey("max_length") ? "(" + c.get("max_length") + ")" : "")
                + (Boolean.TRUE.equals(c.get("nullable")) ? " null" : " not null");
    }

    private static String describe(JsonNode c) {
        return c.path("name").asText() + " " + c.path("type").asText()
                + (c.has("max_length") ? "(" + c.path("max_length").asInt() + ")" : "")
                + (c.path("nullable").asBoolean(false) ? " null" : " not null");
    }

    /** The first column where a file's Parquet schema differs from the changelog's, or null when they are equal. */
    static Difference schemaDifference(String path, String table, MessageType expected, MessageType found) {
        if (expected.equals(found)) {
            return null;
        }
        List<Type> want = expected.getFields();
        List<Type> have = found.getFields();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            Type w = i < want.size() ? want.get(i) : null;
            Type h = i < have.size() ? have.get(i) : null;
            if (!Objects.equals(w, h)) {
                return new Difference(path, "Parquet schema of " + table + ", column " + (i + 1),
                        w == null ? "no column" : w.toString().trim(), h == null ? "no column" : h.toString().trim());
            }
        }
        return new Difference(path, "Parquet schema of " + table, "message " + expected.getName(),
                "message " + found.getName());
    }

    /**
     * One listed file: inside the tier, present, of its size and digest. Returns whether it can be read further.
     */
    private static boolean checkFile(Path tierDir, JsonNode f, String list, Result r, Set<String> listed) {
        String path = f.path("path").asText(null);
        if (path == null || path.isEmpty()) {
            r.differences.add(new Difference(MANIFEST, "an entry of " + list, "a path", String.valueOf(f)));
            return false;
        }
        Path file = tierDir.resolve(path).normalize();
        if (!file.startsWith(tierDir.normalize()) || path.contains("\\")) {
            r.differences.add(new Difference(path, "location", "inside the tier folder", path));
            return false;
        }
        if (!listed.add(path)) {
            r.differences.add(new Difference(path, "listing", "listed once", "listed again in " + list));
        }
        if (!Files.isRegularFile(file)) {
            r.differences.add(new Difference(path, "file", "present (listed in " + list + ")", "missing"));
            return false;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (list.equals("tables")) {
            r.bytes += size;
        }
        if (f.has("bytes") && f.path("bytes").asLong() != size) {
            r.differences.add(new Difference(path, "bytes", String.valueOf(f.path("bytes").asLong()), String.valueOf(size)));
        }
        String sha = Fingerprint.sha256(file);
        if (!sha.equals(f.path("sha256").asText())) {
            r.differences.add(new Difference(path, "sha256", f.path("sha256").asText("(none)"), sha));
            return false;
        }
        return true;
    }

    /** Every file under the tier is listed: nothing was added beside the release. */
    private static void checkUnlisted(Path tierDir, Set<String> listed, Result r) {
        try (Stream<Path> s = Files.walk(tierDir)) {
            for (Path p : s.filter(x -> !Files.isDirectory(x)).sorted().toList()) {
                String rel = tierDir.relativize(p).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    r.differences.add(new Difference(rel, "file", "listed in the manifest", "on disk, not listed"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tierDir, e);
        }
    }

    /** The release metadata table names the manifest's version and tier. */
    private static void checkMetadata(Path tierDir, TableDef table, JsonNode entry, Result r) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (JsonNode f : entry.path("files")) {
            try (RowParquetReader reader = RowParquetReader.open(tierDir.resolve(f.path("path").asText()), table)) {
                while (reader.hasNext()) {
                    Row row = reader.next();
                    meta.put(String.valueOf(row.get("metadata_key")), String.valueOf(row.get("metadata_value")));
                }
            }
        }
        String path = entry.path("files").path(0).path("path").asText("_cdr_metadata");
        if (!Objects.equals(meta.get("release_version"), r.version)) {
            r.differences.add(new Difference(path, "release_version", String.valueOf(r.version) + " (the manifest's)",
                    String.valueOf(meta.get("release_version"))));
        }
        if (!Objects.equals(meta.get("tier"), r.tier)) {
            r.differences.add(new Difference(path, "tier", String.valueOf(r.tier) + " (the manifest's)",
                    String.valueOf(meta.get("tier"))));
        }
    }

    private static String group(TableDef t) {
        return t.group().name().toLowerCase(java.util.Locale.ROOT);
    }
}
