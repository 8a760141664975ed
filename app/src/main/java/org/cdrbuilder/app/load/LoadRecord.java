package org.cdrbuilder.app.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cdrbuilder.core.config.CodeVersion;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * The row {@code cdr load} writes into {@value #TABLE} of the schema it loaded (the table is declared in the
 * changelog): which release version, tier and build the schema holds, so that a second load can say what is there.
 */
final class LoadRecord {
    static final String TABLE = "_cdr_load";

    private LoadRecord() {
    }

    static TableDef table() {
        return CdrSchema.get().table(TABLE);
    }

    /** The record of a schema's load, when it has one (column name to value). */
    static Optional<Map<String, Object>> read(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from " + Sql.name(schema) + "." + Sql.name(TABLE));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                row.put(md.getColumnName(i), v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : v);
            }
            return Optional.of(row);
        }
    }

    /** One line saying what a record says was loaded. */
    static String describe(Map<String, Object> r) {
        return "release " + r.get("release_version") + " tier " + r.get("tier") + " (build " + r.get("build_id") + "), "
                + r.get("tables_loaded") + " tables, " + r.get("rows_loaded") + " rows, loaded " + r.get("loaded_at")
                + " UTC from " + r.get("release_dir");
    }

    /** Inserts the record of a finished load. */
    static void write(Connection c, String schema, PublishedTier release, int tables, long rows) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("release_version", release.version());
        values.put("tier", release.tier());
        values.put("build_id", release.buildId());
        values.put("release_code_version", release.codeVersion());
        values.put("cutoff_date", release.cutoffDate() == null ? null : LocalDate.parse(release.cutoffDate()));
        values.put("tables_loaded", tables);
        values.put("rows_loaded", rows);
        values.put("loaded_at", LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        values.put("loader_code_version", CodeVersion.get());
        values.put("release_dir", release.dir().toString());
        List<String> names = new ArrayList<>();
        for (ColumnDef col : table().columns()) {
            if (!values.containsKey(col.name())) {
                throw new IllegalStateException("no value for " + TABLE + "." + col.name());
            }
            names.add(col.name());
        }
        String sql = "insert into " + Sql.name(schema) + "." + Sql.name(TABLE) + " ("
                + names.stream().map(Sql::name).collect(Collectors.joining(", ")) + ") values ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                ps.setObject(i + 1, values.get(names.get(i)));
            }
            ps.executeUpdate();
        }
    }
}
