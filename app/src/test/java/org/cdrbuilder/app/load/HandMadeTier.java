package org.cdrbuilder.app.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/** A published tier written by hand for loader tests: chosen rows per table, Parquet parts and a manifest. */
final class HandMadeTier {
    private final Path dir;
    private final String version;
    private final String tier;
    private final Map<String, Map<String, Object>> tables = new LinkedHashMap<>();

    HandMadeTier(Path releases, String version, String tier) {
        this.dir = releases.resolve(version).resolve(tier);
        this.version = version;
        this.tier = tier;
    }

    Path dir() {
        return dir;
    }

    /** A new row of a changelog table. */
    static Row row(String table, Object... namesAndValues) {
        return row(CdrSchema.get().table(table), namesAndValues);
    }

    static Row row(TableDef def, Object... namesAndValues) {
        Row r = new Row(def);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            r.set((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return r;
    }

    /** Writes a table as one part per list of rows, with the Parquet schema of {@code def}. */
    @SafeVarargs
    final HandMadeTier table(TableDef def, List<Row>... parts) {
        List<Map<String, Object>> files = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < parts.length; p++) {
            String path = def.group().releaseFolder() + "/" + def.name() + "/part-" + String.format("%05d", p) + ".parquet";
            try (RowParquetWriter w = RowParquetWriter.open(dir.resolve(path), def, ParquetOptions.RELEASE)) {
                parts[p].forEach(w::write);
            }
            files.add(Map.of("path", path, "rows", (long) parts[p].size(), "sha256", "not checked"));
            total += parts[p].size();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("group", def.group().name().toLowerCase());
        entry.put("row_count", total);
        entry.put("files", files);
        tables.put(def.name(), entry);
        return this;
    }

    @SafeVarargs
    final HandMadeTier table(String name, List<Row>... parts) {
        return table(CdrSchema.get().table(name), parts);
    }

    /** Changes what the manifest says of a table's rows (to disagree with its files). */
    HandMadeTier claimRows(String table, long rows) {
        tables.get(table).put("row_count", rows);
        return this;
    }

    /** Writes the manifest; returns the tier folder. */
    Path write(String buildId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("tier", tier);
        m.put("build_id", buildId);
        m.put("code_version", "test");
        m.put("cdm_version", "5.4");
        m.put("cutoff_date", "2026-10-01");
        m.put("tables", tables);
        WorkLayout.writeJson(dir.resolve("manifest.json"), m);
        return dir;
    }
}
