package org.cdrbuilder.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Assumptions;

/**
 * The throw-away PostgreSQL that {@code scripts/services.sh} starts (127.0.0.1:54329, user postgres). Tests call
 * {@link #requireDatabase} and are skipped, with a message, when it is not running.
 */
public final class TestPostgres {
    public static final String URL = System.getenv().getOrDefault("CDR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:54329/postgres");

    private TestPostgres() {
    }

    /** Creates a fresh database and returns its JDBC URL, or skips the test when PostgreSQL is unavailable. */
    public static String requireDatabase(String name) {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.createStatement().execute("drop database if exists " + name);
            c.createStatement().execute("create database " + name);
        } catch (Exception e) {
            Assumptions.abort("PostgreSQL test server not available at " + URL + " (start it with scripts/services.sh): "
                    + e.getMessage());
        }
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name + "?user=postgres";
    }
}
