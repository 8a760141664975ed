package org.cdrbuilder.app.load;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ForeignKeyConstraint;
import org.cdrbuilder.schema.IndexDef;
import org.cdrbuilder.schema.SchemaDdl;
import org.cdrbuilder.schema.TableDef;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * Loads one published tier into a PostgreSQL schema, in one transaction (the schema shows the whole release or,
 * after any failure, what it held before):
 * <ol>
 * <li>refuses a schema that already holds tables of the changelog, saying what it holds (from {@value LoadRecord#TABLE}),
 *     unless asked to replace them, in which case they are dropped;</li>
 * <li>creates each table of the manifest from the changelog, without its primary key;</li>
 * <li>copies each table from its Parquet parts with binary {@code COPY} ({@link TableCopy});</li>
 * <li>checks {@code count(*)} of each table against the manifest, and analyzes the tables;</li>
 * <li>adds the primary keys, the indexes and the foreign keys of the changelog (each foreign key whose two tables
 *     the release has), as the OHDSI DDL does after a load;</li>
 * <li>records the release version, tier and build in {@value LoadRecord#TABLE} and commits.</li>
 * </ol>
 */
public final class ReleaseLoader {
    private static final long MAINTENANCE_WORK_MEM_KB = 256 * 1024;

    /** What the loader reports while it works. */
    public interface Listener {
        /** A table was copied. */
        void tableCopied(String table, long rows, double seconds);

        /** A phase after the copy finished ({@code count} things in {@code seconds}). */
        void phaseDone(String phase, int count, double seconds);

        /** Something worth a line (tables dropped, foreign keys not added). */
        void note(String line);
    }

    /** What was loaded and how long each phase took. */
    public record Result(String schema, int tables, long rows, double copySeconds, double verifySeconds,
                         double analyzeSeconds, double constraintSeconds, int primaryKeys, int indexes,
                         int foreignKeys, double totalSeconds) {
    }

    private final PublishedTier release;
    private final String schema;
    private final boolean replace;
    private final Listener listener;
    private final SchemaDdl ddl;

    /**
     * @param schema the database schema to load into (lower-case letters, digits, underscore)
     * @param replace drop the changelog's tables the schema already has, instead of refusing
     */
    public ReleaseLoader(PublishedTier release, String schema, boolean replace, Listener listener) {
        this.release = requireNonNull(release, "release is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.replace = replace;
        this.listener = requireNonNull(listener, "listener is null");
        try {
            this.ddl = SchemaDdl.postgres(schema);
        } catch (IllegalArgumentException e) {
            throw new org.cdrbuilder.core.config.ConfigException("--schema: " + e.getMessage());
        }
    }

    /** The schema a tier loads into by default: {@code cdr_<version>_<tier>}. */
    public static String defaultSchema(PublishedTier release) {
        return ("cdr_" + release.version() + "_" + release.tier()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** Runs the load on an open connection (set to manual commit; committed on success, rolled back otherwise). */
    public Result load(Connection c) {
        long start = System.nanoTime();
        String step = "preparing schema " + schema;
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                refuseOrClear(c, st);
                step = "creating schema " + schema;
                st.execute("create schema if not exists " + Sql.name(schema));
                raiseMaintenanceMemory(c, st);
                for (PublishedTier.Table t : release.tables()) {
                    step = "creating table " + schema + "." + t.name();
                    for (String sql : ddl.createTableWithoutPrimaryKey(t.name())) {
                        st.execute(sql);
                    }
                }
                for (String sql : ddl.createTableWithoutPrimaryKey(LoadRecord.TABLE)) {
                    st.execute(sql);
                }
            }
            long copyStart = System.nanoTime();
            long rows = 0;
            PGConnection pg = c.unwrap(PGConnection.class);
            for (PublishedTier.Table t : release.tables()) {
                step = "copying table " + t.name();
                long t0 = System.nanoTime();
                long n = new TableCopy(pg, schema, t, DbColumn.of(c, schema, t.name())).run();
                listener.tableCopied(t.name(), n, seconds(t0));
                rows += n;
            }
            double copySeconds = seconds(copyStart);

            long t0 = System.nanoTime();
            step = "counting rows";
            verifyCounts(c);
            double verifySeconds = seconds(t0);
            listener.phaseDone("row counts verified", release.tables().size(), verifySeconds);

            t0 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                for (PublishedTier.Table t : release.tables()) {
                    step = "analyzing " + t.name();
                    st.execute("analyze " + table(t.name()));
                }
            }
            double analyzeSeconds = seconds(t0);
            listener.phaseDone("tables analyzed", release.tables().size(), analyzeSeconds);

            long constraintStart = System.nanoTime();
            int pks = primaryKeys(c);
            int ixs = indexes(c);
            int fks = foreignKeys(c);
            double constraintSeconds = seconds(constraintStart);

            step = "recording the load";
            LoadRecord.write(c, schema, release, release.tables().size(), rows);
            step = "committing";
            c.commit();
            return new Result(schema, release.tables().size(), rows, copySeconds, verifySeconds, analyzeSeconds,
                    constraintSeconds, pks, ixs, fks, seconds(start));
        } catch (SQLException e) {
            rollback(c);
            throw SqlFailures.classify(e, step);
        } catch (RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    /** Refuses a schema holding tables of the changelog, or drops them when replacing. */
    private void refuseOrClear(Connection c, Statement st) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "cdr load " + schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new LoadRefusedException("another cdr load is writing schema " + schema + "; try again when it ended");
                }
            }
        }
        List<String> present = changelogTablesIn(c);
        if (present.isEmpty()) {
            return;
        }
        Optional<Map<String, Object>> record = present.contains(LoadRecord.TABLE) ? LoadRecord.read(c, schema) : Optional.empty();
        String holds = record.map(r -> "holds " + LoadRecord.describe(r))
                .orElse("has " + present.size() + " table(s) of the CDR schema that no finished cdr load recorded ("
                        + String.join(", ", present.subList(0, Math.min(8, present.size())))
                        + (present.size() > 8 ? ", ..." : "") + ")");
        if (!replace) {
            throw new LoadRefusedException("schema " + schema + " already " + holds + "; not loaded again. Use --replace to "
                    + "drop its tables and load release " + release.version() + " tier " + release.tier()
                    + ", or --schema to load into another schema");
        }
        st.execute("set local lock_timeout = '30s'");
        for (String t : present) {
            st.execute("drop table if exists " + table(t) + " cascade");
        }
        st.execute("set local lock_timeout = 0");
        listener.note("replacing: dropped " + present.size() + " table(s) of schema " + schema + ", which " + holds);
    }

    /** Tables (and views) of the schema whose names the changelog declares. */
    private List<String> changelogTablesIn(Connection c) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (TableDef t : CdrSchema.get().tables()) {
            names.add(t.name());
        }
        List<String> present = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select c.relname from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        present.add(rs.getString(1));
                    }
                }
            }
        }
        return present;
    }

    private void raiseMaintenanceMemory(Connection c, Statement st) throws SQLException {
        // index builds after a bulk load sort whole tables: more memory than PostgreSQL's default 64 MB, never less than set
        try (ResultSet rs = st.executeQuery("select setting::bigint from pg_settings where name = 'maintenance_work_mem'")) {
            if (rs.next() && rs.getLong(1) < MAINTENANCE_WORK_MEM_KB) {
                st.execute("set local maintenance_work_mem = '" + MAINTENANCE_WORK_MEM_KB + "kB'");
            }
        }
    }

    private void verifyCounts(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (PublishedTier.Table t : release.tables()) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table(t.name()))) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n != t.rowCount()) {
                        throw new ReleaseRejectedException("table " + t.name() + ": the database holds " + n
                                + " rows after the load, the manifest says " + t.rowCount());
                    }
                }
            }
        }
    }

    private int primaryKeys(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        int n = 0;
        for (PublishedTier.Table t : release.tables()) {
            List<String> sql = ddl.addPrimaryKey(t.def());
            if (!sql.isEmpty()) {
                execute(c, sql, "primary key " + SchemaDdl.primaryKeyName(t.name()) + " of " + t.name() + " ("
                        + String.join(", ", t.def().primaryKeyColumns()) + ")");
                n++;
            }
        }
        listener.phaseDone("primary keys added", n, seconds(t0));
        return n;
    }

    private int indexes(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> loaded = loadedTables();
        int n = 0;
        for (IndexDef ix : CdrSchema.get().indexes()) {
            if (loaded.contains(ix.table())) {
                execute(c, ddl.createIndex(ix), "index " + ix.name() + " of " + ix.table());
                n++;
            }
        }
        listener.phaseDone("indexes created", n, seconds(t0));
        return n;
    }

    private int foreignKeys(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> loaded = loadedTables();
        int n = 0;
        List<String> skipped = new ArrayList<>();
        for (ForeignKeyConstraint fk : CdrSchema.get().foreignKeys()) {
            if (loaded.contains(fk.table()) && loaded.contains(fk.references().table())) {
                execute(c, ddl.addForeignKey(fk), "foreign key " + fk.name() + " (" + fk.table() + "." + fk.column()
                        + " references " + fk.references().table() + "." + fk.references().column() + ")");
                n++;
            } else if (loaded.contains(fk.table())) {
                skipped.add(fk.name());
            }
        }
        listener.phaseDone("foreign keys added", n, seconds(t0));
        if (!skipped.isEmpty()) {
            listener.note("not added, the release lacks the referenced table: " + String.join(", ", skipped));
        }
        return n;
    }

    /** Runs a constraint's DDL; a constraint the data breaks is reported with what PostgreSQL found. */
    private static void execute(Connection c, List<String> sql, String what) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (PSQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("23")) {
                String detail = e.getServerErrorMessage() == null || e.getServerErrorMessage().getDetail() == null
                        ? "" : " " + e.getServerErrorMessage().getDetail();
                throw new ReleaseRejectedException(what + " does not hold in the release: "
                        + (e.getServerErrorMessage() == null ? e.getMessage() : e.getServerErrorMessage().getMessage()) + "."
                        + detail, e);
            }
            throw SqlFailures.classify(e, "adding " + what);
        }
    }

    private Set<String> loadedTables() {
        Set<String> s = new LinkedHashSet<>();
        release.tables().forEach(t -> s.add(t.name()));
        return s;
    }

    private String table(String name) {
        return Sql.name(schema) + "." + Sql.name(name);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // a connection that broke has rolled back on the server
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
