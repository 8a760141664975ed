package org.cdrbuilder.app.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

import org.cdrbuilder.core.config.ConfigException;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * The database to load into: a PostgreSQL JDBC URL, and the user and password (flags first, then the URL's
 * {@code user}/{@code password} parameters, then {@code CDR_DB_PASSWORD} for the password). Messages name the URL
 * with any password in it masked.
 */
public final class PostgresTarget {
    /** The environment variable holding the password when neither a flag nor the URL gives one. */
    public static final String PASSWORD_ENV = "CDR_DB_PASSWORD";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");

    private final String url;
    private final Properties properties;

    private PostgresTarget(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /**
     * @param user the user, or null for the URL's (else the driver's default, the operating-system user)
     * @param password the password, or null for the URL's, else {@code passwordFromEnvironment}
     * @throws ConfigException when {@code url} is not a PostgreSQL JDBC URL
     */
    public static PostgresTarget of(String url, String user, String password, String passwordFromEnvironment) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("--jdbc-url is required, e.g. jdbc:postgresql://localhost:5432/cdr");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE), not "
                    + mask(url));
        }
        Properties p = Driver.parseURL(url, new Properties());
        if (p == null) {
            throw new ConfigException("not a valid PostgreSQL JDBC URL: " + mask(url)
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=...])");
        }
        if (user != null && !user.isBlank()) {
            p.setProperty(PGProperty.USER.getName(), user);
        }
        if (password != null) {
            p.setProperty(PGProperty.PASSWORD.getName(), password);
        } else if (p.getProperty(PGProperty.PASSWORD.getName()) == null && passwordFromEnvironment != null) {
            p.setProperty(PGProperty.PASSWORD.getName(), passwordFromEnvironment);
        }
        if (p.getProperty(PGProperty.CONNECT_TIMEOUT.getName()) == null) {
            p.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "10");
        }
        p.setProperty(PGProperty.APPLICATION_NAME.getName(), "cdr load");
        int q = url.indexOf('?');
        return new PostgresTarget(q < 0 ? url : url.substring(0, q), p);
    }

    /** The URL as messages show it (a password in it masked). */
    public String shownUrl() {
        return url;
    }

    public String user() {
        String u = properties.getProperty(PGProperty.USER.getName());
        return u == null ? System.getProperty("user.name") : u;
    }

    /** The URL with a {@code password=} parameter masked. */
    public static String mask(String url) {
        return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    }

    /**
     * Opens a connection, or throws {@link ConfigException} saying why not: the host cannot be reached, the password
     * is wrong, the user or database does not exist. No stack trace is needed to act on it.
     */
    public Connection connect() {
        try {
            Connection c = new Driver().connect(url, properties);
            if (c == null) {
                throw new ConfigException("not a valid PostgreSQL JDBC URL: " + url);
            }
            return c;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String server = serverMessage(e);
            String what = switch (state) {
                case "28P01" -> "wrong password for user " + user() + " at " + url;
                case "28000" -> "PostgreSQL at " + url + " refused user " + user() + ": " + server;
                case "3D000" -> "no such database at " + url + ": " + server;
                default -> state.startsWith("08")
                        ? "cannot reach PostgreSQL at " + url + ": " + rootMessage(e)
                        : "cannot connect to PostgreSQL at " + url + " as " + user() + ": " + server;
            };
            throw new ConfigException(what, e);
        }
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        String msg = e.getMessage();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                msg = msg + " (" + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
                break;
            }
        }
        return msg;
    }
}
