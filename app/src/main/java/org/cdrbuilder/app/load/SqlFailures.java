package org.cdrbuilder.app.load;

import java.sql.SQLException;

import org.cdrbuilder.core.config.ConfigException;

/**
 * Turns a failure the database reported during a load into what the operator can act on, by its SQLSTATE class:
 * the connection or the server failed (run again), the user lacks a privilege (fix the arguments), another session
 * holds the tables, the release's data broke a rule of the schema, or something unexpected (a bug).
 */
final class SqlFailures {
    private SqlFailures() {
    }

    static RuntimeException classify(SQLException e, String during) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = during + ": " + serverMessage(e);
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58")
                || state.startsWith("40")) {
            return new DatabaseFailedException(message + " (the load was rolled back; run it again)", e);
        }
        if (state.equals("42501")) {
            return new ConfigException(message, e);
        }
        if (state.equals("55P03")) {
            return new LoadRefusedException(message + " (another session holds the tables)");
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return new ReleaseRejectedException(message, e);
        }
        return new IllegalStateException(message + " [SQLSTATE " + state + "]", e);
    }

    /** PostgreSQL's own message (and detail) without the driver's decorations, else the exception's message. */
    static String serverMessage(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            var m = p.getServerErrorMessage();
            return m.getMessage() + (m.getDetail() == null ? "" : " (" + m.getDetail() + ")");
        }
        return e.getMessage();
    }
}
