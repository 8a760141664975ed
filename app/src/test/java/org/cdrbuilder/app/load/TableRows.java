package org.cdrbuilder.app.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * Every row of a table, read from PostgreSQL or by DuckDB from the release's Parquet, as comparable values: whole
 * numbers as Long, doubles as Double (compared bit for bit by {@link Double#equals}), text as String, dates and
 * timestamps as text at microsecond precision; rows in one canonical order.
 */
final class TableRows {
    private TableRows() {
    }

    static List<List<Object>> postgres(Connection c, String schema, TableDef t) throws SQLException {
        String cols = t.columns().stream().map(col -> switch (col.type()) {
            case DATE -> "to_char(\"" + col.name() + "\", 'YYYY-MM-DD')";
            case TIMESTAMP -> "to_char(\"" + col.name() + "\", 'YYYY-MM-DD HH24:MI:SS.US')";
            default -> "\"" + col.name() + "\"";
        }).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + cols + " from \"" + schema + "\".\"" + t.name() + "\"")) {
            return sorted(read(rs, t));
        }
    }

    static List<List<Object>> parquet(Duck duck, Path tableDir, TableDef t) {
        String cols = t.columns().stream().map(col -> switch (col.type()) {
            case DATE -> "strftime(\"" + col.name() + "\", '%Y-%m-%d')";
            case TIMESTAMP -> "strftime(\"" + col.name() + "\", '%Y-%m-%d %H:%M:%S.%f')";
            default -> "\"" + col.name() + "\"";
        }).collect(Collectors.joining(", "));
        List<List<Object>> rows = duck.rows("select " + cols + " from '" + tableDir + "/*.parquet'");
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> n = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                n.add(normal(r.get(i), t.column(i)));
            }
            out.add(n);
        }
        return sorted(out);
    }

    private static List<List<Object>> read(ResultSet rs, TableDef t) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> r = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                r.add(normal(rs.getObject(i), t.column(i - 1)));
            }
            out.add(r);
        }
        return out;
    }

    private static Object normal(Object v, ColumnDef col) {
        if (v == null) {
            return null;
        }
        return switch (col.type()) {
            case BIGINT, INTEGER -> ((Number) v).longValue();
            case DOUBLE -> ((Number) v).doubleValue();
            default -> v;
        };
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        rows.sort(Comparator.comparing(r -> r.stream().map(v -> v == null ? "\u0000NULL" : v.getClass().getSimpleName()
                + ":" + v).collect(Collectors.joining("\u0001")), Comparator.naturalOrder()));
        return rows;
    }
}
