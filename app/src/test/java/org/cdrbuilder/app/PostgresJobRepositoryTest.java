package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.testing.TestPostgres;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job repository can be any JDBC database: PostgreSQL here, with the Spring Batch tables created on first use. */
class PostgresJobRepositoryTest {

    @Test
    void build_recordsItsStepsInPostgres_andResumesFromThere(@TempDir Path tmp) throws Exception {
        String url = TestPostgres.requireDatabase("cdr_jobrepo_test");
        MiniDrop.settings(tmp);
        String config = tmp.resolve("config/release.yaml").toString();
        try {
            System.setProperty("cdr.fault", "publish:controlled.person:0:fail");
            assertThat(Cdr.execute("build", "--config", config, "--job-repository-url", url, "--progress-interval", "0"))
                    .isEqualTo(4);
        } finally {
            System.clearProperty("cdr.fault");
        }
        assertThat(Cdr.execute("build", "--config", config, "--job-repository-url", url, "--progress-interval", "0")).isZero();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "select e.status, count(*) from batch_job_execution e group by e.status order by 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.getInt(2)).isEqualTo(1);
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("FAILED");
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from batch_step_execution "
                     + "where step_name = 'ingest' ")) {
            rs.next();
            assertThat(rs.getInt(1)).as("ingest ran once; the restart skipped it").isEqualTo(1);
        }
        assertThat(tmp.resolve("releases/v1/controlled/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("work/jobrepo")).doesNotExist();
    }
}
