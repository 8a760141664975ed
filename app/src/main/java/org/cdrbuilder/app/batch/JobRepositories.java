package org.cdrbuilder.app.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;

import javax.sql.DataSource;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ConfigException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The persistent Spring Batch job repository: an embedded HSQLDB file database in {@code <work>/jobrepo} by default,
 * or any JDBC URL from the settings (PostgreSQL is tested). The Spring Batch tables are created on first use.
 */
public final class JobRepositories {
    private JobRepositories() {
    }

    /** A pooled data source for the configured repository. */
    public static HikariDataSource dataSource(BuildSettings s) {
        String url = s.jobRepositoryUrl();
        HikariConfig c = new HikariConfig();
        if (url == null || url.isBlank()) {
            Path dir = s.work().resolve("jobrepo");
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new ConfigException("cannot create job repository folder " + dir + ": " + e.getMessage());
            }
            // HSQLDB: every commit written to its log before it returns (write_delay false), and an unfinished
            // transaction of a killed process rolled back on reopening. (H2's MVStore, used before, could keep a row
            // locked by a killed process's transaction, and the next run's update of it then never returned.)
            c.setJdbcUrl("jdbc:hsqldb:file:" + dir.resolve("cdr").toAbsolutePath()
                    + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;shutdown=true");
            c.setUsername("sa");
            c.setPassword("");
        } else {
            c.setJdbcUrl(url);
            if (s.jobRepositoryUser() != null && !s.jobRepositoryUser().isBlank()) {
                c.setUsername(s.jobRepositoryUser());
                c.setPassword(s.jobRepositoryPassword());
            }
        }
        c.setMaximumPoolSize(Math.max(4, s.threads() + 2));
        c.setPoolName("cdr-job-repository");
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot connect to the job repository " + c.getJdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The database type Spring Batch knows for a data source ("h2", "postgresql", ...). */
    static String databaseType(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("hsql")) {
                return "hsqldb";
            }
            if (product.contains("mysql")) {
                return "mysql";
            }
            if (product.contains("mariadb")) {
                return "mariadb";
            }
            throw new ConfigException("unsupported job repository database: " + product);
        } catch (java.sql.SQLException e) {
            throw new ConfigException("cannot connect to the job repository: " + e.getMessage(), e);
        }
    }

    /** Creates the Spring Batch tables when they are missing. */
    static void ensureSchema(DataSource ds, String type) {
        try (Connection c = ds.getConnection()) {
            boolean exists = false;
            for (String name : new String[] {"BATCH_JOB_INSTANCE", "batch_job_instance"}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                    exists |= rs.next();
                }
            }
            if (!exists) {
                ResourceDatabasePopulator p = new ResourceDatabasePopulator(
                        new ClassPathResource("org/springframework/batch/core/schema-" + type + ".sql"));
                p.populate(c);
            }
        } catch (java.sql.SQLException e) {
            throw new ConfigException("cannot prepare the job repository: " + e.getMessage(), e);
        }
    }

    public static JobRepository jobRepository(DataSource ds) {
        String type = databaseType(ds);
        ensureSchema(ds, type);
        JdbcJobRepositoryFactoryBean f = new JdbcJobRepositoryFactoryBean();
        f.setDataSource(ds);
        f.setTransactionManager(new JdbcTransactionManager(ds));
        try {
            f.afterPropertiesSet();
            return f.getObject();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the job repository: " + e.getMessage(), e);
        }
    }
}
