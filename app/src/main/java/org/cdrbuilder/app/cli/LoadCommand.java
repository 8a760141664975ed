package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import org.cdrbuilder.app.load.PostgresTarget;
import org.cdrbuilder.app.load.PublishedTier;
import org.cdrbuilder.app.load.ReleaseLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cdr load}: loads a published tier into a PostgreSQL schema. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load a published tier (<releases>/<version>/<tier>, or <releases>/<version> with --tier) into a "
                + "PostgreSQL schema: tables from the schema changelog, rows by binary COPY from the Parquet parts, then "
                + "primary keys, indexes and foreign keys, row counts checked against the manifest; all in one transaction.",
                "A schema that already holds a load is refused (exit code 2) unless --replace.",
                "Exit codes: 2 bad arguments, unreachable database, wrong password, schema already loaded; 3 the release "
                        + "does not fit its manifest or the schema (the message names table, column, file and row); 4 the "
                        + "database failed during the load (nothing stays; run again)."})
public final class LoadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "A published tier, e.g. releases/v1/registered "
            + "(or releases/v1 with --tier).")
    Path release;

    @Option(names = "--tier", paramLabel = "TIER", description = "The tier to load when RELEASE_DIR is a version folder.")
    String tier;

    @Option(names = "--jdbc-url", paramLabel = "URL", required = true,
            description = "The PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/cdr (user= and password= "
                    + "parameters accepted).")
    String jdbcUrl;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Database schema to load into (default: cdr_<version>_<tier>, e.g. cdr_v1_registered).")
    String schema;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (default: the URL's user=).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password (default: the URL's password=, else $" + PostgresTarget.PASSWORD_ENV + ").")
    String password;

    @Option(names = "--replace", description = "Drop the schema's CDR tables (a release loaded earlier) and load this one.")
    boolean replace;

    private final PrintStream out;

    public LoadCommand() {
        this(System.out);
    }

    LoadCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws SQLException {
        PublishedTier tierToLoad = PublishedTier.read(release, tier);
        tierToLoad.checkParts();
        String target = schema != null ? schema : ReleaseLoader.defaultSchema(tierToLoad);
        PostgresTarget db = PostgresTarget.of(jdbcUrl, user, password, System.getenv(PostgresTarget.PASSWORD_ENV));
        ReleaseLoader loader = new ReleaseLoader(tierToLoad, target, replace, new Printer());
        try (Connection c = db.connect()) {
            out.printf("loading %s tier %s (build %s): %d tables, %,d rows from %s%n", tierToLoad.version(), tierToLoad.tier(),
                    tierToLoad.buildId(), tierToLoad.tables().size(), tierToLoad.rowCount(), tierToLoad.dir());
            out.printf("  into schema %s of %s as %s%n", target, db.shownUrl(), db.user());
            ReleaseLoader.Result r = loader.load(c);
            out.printf("loaded %,d rows of %d tables into %s in %.1f s (%,.0f rows/s): copy %.1f s (%,.0f rows/s), "
                            + "count check %.1f s, analyze %.1f s, constraints %.1f s (%d primary keys, %d indexes, %d foreign keys)%n",
                    r.rows(), r.tables(), r.schema(), r.totalSeconds(), r.rows() / Math.max(r.totalSeconds(), 1e-9),
                    r.copySeconds(), r.rows() / Math.max(r.copySeconds(), 1e-9), r.verifySeconds(), r.analyzeSeconds(),
                    r.constraintSeconds(), r.primaryKeys(), r.indexes(), r.foreignKeys());
        }
        return ExitCodes.OK;
    }

    private final class Printer implements ReleaseLoader.Listener {
        @Override
        public void tableCopied(String table, long rows, double seconds) {
            out.printf("  %-28s %,12d rows %8.2f s %,12.0f rows/s%n", table, rows, seconds, rows / Math.max(seconds, 1e-9));
        }

        @Override
        public void phaseDone(String phase, int count, double seconds) {
            out.printf("  %-28s %,12d      %8.2f s%n", phase, count, seconds);
        }

        @Override
        public void note(String line) {
            out.println("  " + line);
        }
    }
}
