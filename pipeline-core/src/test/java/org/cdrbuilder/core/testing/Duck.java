package org.cdrbuilder.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs SQL over Parquet files in an in-memory DuckDB: the independent reader tests compare against. */
public final class Duck implements AutoCloseable {
    private final Connection c;

    public Duck() {
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All rows of a query, each as a list of column values (JDBC objects). */
    public List<List<Object>> rows(String sql) {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows (copy ... to, create ...). */
    public void execute(String sql) {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql) {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    public Object value(String sql) {
        return rows(sql).get(0).get(0);
    }

    /**
     * SQL for a published table (a {@code from} item) with research ids turned back into participant numbers through
     * the private mapping store, so tests can name participants as the drop does.
     */
    public static String withParticipantNumbers(java.nio.file.Path tableDir, java.nio.file.Path privateDir) {
        String files = "'" + tableDir + "/*.parquet'";
        String mapping = "'" + privateDir.resolve("privacy/mapping.parquet") + "'";
        return "(select t.* replace (coalesce(m.participant_number, t.person_id) as person_id) from " + files
                + " t left join " + mapping + " m on t.person_id = m.research_id)";
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing an in-memory database
        }
    }
}
