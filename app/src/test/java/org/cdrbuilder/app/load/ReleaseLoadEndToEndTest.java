package org.cdrbuilder.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestPostgres;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ForeignKeyConstraint;
import org.cdrbuilder.schema.IndexDef;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A generated drop built for both tiers and each tier loaded with {@code cdr load} into its own schema: the
 * manifest's row counts, every key and index of the changelog, every row exactly as DuckDB reads the Parquet; a
 * second load refused, {@code --replace} reloading; a wrong password reported clearly.
 */
class ReleaseLoadEndToEndTest {
    static final List<String> TIERS = List.of("registered", "controlled");
    static final String PASSWORD_ROLE = "cdr_password_check"; // scripts/services.sh makes PostgreSQL ask its password

    @TempDir
    static Path tmp;
    static String url;
    static final Map<String, CliRun> loads = new HashMap<>();

    static String unavailable;

    @BeforeAll
    static void buildAndLoad() {
        try {
            url = TestPostgres.requireDatabase("cdr_load_e2e_test");
        } catch (org.opentest4j.TestAbortedException e) {
            unavailable = e.getMessage(); // no build: every test skips with this message
            return;
        }
        assertThat(Cdr.execute("generate", "--participants", "150", "--seed", "11", "--fitbit-days", "1", "--out",
                tmp.resolve("gen").toString())).isZero();
        TestSettings.of(tmp, tmp.resolve("gen/drop"), tmp.resolve("gen/vocabulary"), "v1",
                List.of("tiers: [registered, controlled]"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        // a tier folder, and a version folder with --tier
        loads.put("registered", CliRun.of("load", release("registered").toString(), "--jdbc-url", url));
        loads.put("controlled", CliRun.of("load", tmp.resolve("releases/v1").toString(), "--tier", "controlled",
                "--jdbc-url", url));
    }

    @org.junit.jupiter.api.BeforeEach
    void requirePostgres() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @Test
    void eachTier_inItsOwnSchema_holdsTheManifestsRows_andPrintedAProgressLinePerTable() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            for (String tier : TIERS) {
                CliRun run = loads.get(tier);
                assertThat(run.exit()).as(tier + ": " + run.err()).isZero();
                Map<String, Long> manifest = manifestCounts(tier);
                assertThat(manifest).containsKeys("person", "observation", "concept", "steps_intraday");
                for (Map.Entry<String, Long> e : manifest.entrySet()) {
                    assertThat(count(c, "select count(*) from cdr_v1_" + tier + "." + e.getKey())).as(tier + " " + e.getKey())
                            .isEqualTo(e.getValue());
                    assertThat(run.out()).containsPattern("(?m)^  " + e.getKey() + " +" + String.format("%,d", e.getValue())
                            + " rows +[0-9.]+ s +[0-9,]+ rows/s$");
                }
                assertThat(run.out()).contains("loaded " + String.format("%,d",
                        manifest.values().stream().mapToLong(Long::longValue).sum()) + " rows of " + manifest.size()
                        + " tables into cdr_v1_" + tier);
            }
        }
    }

    @Test
    void everyPrimaryKeyForeignKeyIndexAndColumnOfTheChangelog_isInTheDatabase() throws Exception {
        CdrSchema schema = CdrSchema.get();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String tier : TIERS) {
                String s = "cdr_v1_" + tier;
                Set<String> tables = manifestCounts(tier).keySet();
                Set<String> expectedPks = new TreeSet<>();
                for (String t : tables) {
                    if (!schema.table(t).primaryKeyColumns().isEmpty()) {
                        expectedPks.add("xpk_" + t + ": " + t + "(" + String.join(",", schema.table(t).primaryKeyColumns()) + ")");
                    }
                }
                assertThat(constraints(c, s, "p")).as(tier + " primary keys").isEqualTo(expectedPks).hasSizeGreaterThan(30);
                Set<String> expectedFks = new TreeSet<>();
                for (ForeignKeyConstraint fk : schema.foreignKeys()) {
                    expectedFks.add(fk.name() + ": " + fk.table() + "(" + fk.column() + ") -> " + fk.references().table()
                            + "(" + fk.references().column() + ")");
                }
                assertThat(constraints(c, s, "f")).as(tier + " foreign keys: all of the changelog's, the release has every "
                        + "table they join").isEqualTo(expectedFks);
                Set<String> indexes = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("select indexname from pg_indexes where schemaname = ?")) {
                    ps.setString(1, s);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            indexes.add(rs.getString(1));
                        }
                    }
                }
                assertThat(indexes).containsAll(schema.indexes().stream().map(IndexDef::name).toList());
                for (String t : tables) {
                    assertThat(columns(c, s, t)).as(tier + " " + t).isEqualTo(schema.table(t).columns().stream()
                            .map(col -> col.name() + " " + pgType(col) + (col.nullable() ? "" : " not null")).toList());
                }
            }
        }
    }

    @Test
    void everyRowOfEveryTable_isExactlyWhatDuckDbReadsInTheParquet() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Duck duck = new Duck()) {
            long compared = 0;
            for (String tier : TIERS) {
                for (String table : manifestCounts(tier).keySet()) {
                    TableDef t = CdrSchema.get().table(table);
                    List<List<Object>> db = TableRows.postgres(c, "cdr_v1_" + tier, t);
                    assertThat(db).as(tier + " " + table)
                            .isEqualTo(TableRows.parquet(duck, release(tier).resolve(t.group().releaseFolder()).resolve(table), t));
                    compared += db.size();
                }
            }
            assertThat(compared).isGreaterThan(10_000);
        }
    }

    @Test
    void theLoadIsRecorded_aSecondLoadIsRefused_andReplaceLoadsAgain() throws Exception {
        JsonNode manifest = WorkLayout.JSON.readTree(release("controlled").resolve("manifest.json").toFile());
        String build = manifest.path("build_id").asText();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "select count(*) from cdr_v1_controlled._cdr_load where release_version = 'v1' "
                    + "and tier = 'controlled' and build_id = '" + build + "'")).isEqualTo(1);
        }
        CliRun again = CliRun.of("load", release("controlled").toString(), "--jdbc-url", url);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("schema cdr_v1_controlled already holds release v1 tier controlled (build " + build + ")")
                .contains("Use --replace").doesNotContain("\tat ");
        CliRun otherTier = CliRun.of("load", release("registered").toString(), "--jdbc-url", url, "--schema", "cdr_v1_controlled");
        assertThat(otherTier.exit()).isEqualTo(2);
        assertThat(otherTier.err()).contains("already holds release v1 tier controlled");

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("insert into cdr_v1_controlled._cdr_metadata values ('left over', 'from before the replace')");
        }
        CliRun replaced = CliRun.of("load", release("controlled").toString(), "--jdbc-url", url, "--replace");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("replacing: dropped").contains("which holds release v1 tier controlled");
        try (Connection c = DriverManager.getConnection(url)) {
            for (Map.Entry<String, Long> e : manifestCounts("controlled").entrySet()) {
                assertThat(count(c, "select count(*) from cdr_v1_controlled." + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(count(c, "select count(*) from cdr_v1_controlled._cdr_load")).isEqualTo(1);
            assertThat(constraints(c, "cdr_v1_controlled", "f")).hasSize(CdrSchema.get().foreignKeys().size());
        }
    }

    @Test
    void aWrongPassword_isOneClearLine_withExitCode2() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + PASSWORD_ROLE + "') then "
                    + "create role " + PASSWORD_ROLE + " login; end if; end $$");
            st.execute("alter role " + PASSWORD_ROLE + " password 'right-password'");
        }
        String base = url.substring(0, url.indexOf('?'));
        try (Connection ignored = DriverManager.getConnection(base, PASSWORD_ROLE, "Not-The-Password-42")) {
            Assumptions.abort("PostgreSQL at " + base + " accepts any password for " + PASSWORD_ROLE
                    + "; start it with scripts/services.sh to test wrong passwords");
        } catch (SQLException expected) {
            // the server checks this role's password
        }
        CliRun wrong = CliRun.of("load", release("registered").toString(), "--jdbc-url", base + "?password=right-password",
                "--user", PASSWORD_ROLE, "--password", "Not-The-Password-42", "--schema", "pw_check");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("cdr: wrong password for user " + PASSWORD_ROLE + " at " + base);
        // the URL's password, when no flag gives one: accepted, then the role may not create the schema
        CliRun fromUrl = CliRun.of("load", release("registered").toString(), "--jdbc-url",
                base + "?user=" + PASSWORD_ROLE + "&password=right-password", "--schema", "pw_check");
        assertThat(fromUrl.exit()).isEqualTo(2);
        assertThat(fromUrl.err()).contains("permission denied").doesNotContain("right-password").doesNotContain("\tat ");

        CliRun unreachable = CliRun.of("load", release("registered").toString(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/cdr?user=u&password=Not-The-Password-42");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/cdr")
                .doesNotContain("Not-The-Password-42").doesNotContain("\tat ");
    }

    static Path release(String tier) {
        return tmp.resolve("releases/v1").resolve(tier);
    }

    static Map<String, Long> manifestCounts(String tier) throws Exception {
        JsonNode m = WorkLayout.JSON.readTree(release(tier).resolve("manifest.json").toFile());
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().path("row_count").asLong());
        }
        return out;
    }

    /** Constraints of a schema ({@code p} primary, {@code f} foreign) as "name: table(cols) -> table(cols)". */
    static Set<String> constraints(Connection c, String schema, String type) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("select con.conname, rel.relname, "
                + "(select string_agg(a.attname, ',' order by k.i) from unnest(con.conkey) with ordinality k(n, i) "
                + " join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n), ref.relname, "
                + "(select string_agg(a.attname, ',' order by k.i) from unnest(con.confkey) with ordinality k(n, i) "
                + " join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n) "
                + "from pg_constraint con join pg_class rel on rel.oid = con.conrelid "
                + "join pg_namespace n on n.oid = rel.relnamespace left join pg_class ref on ref.oid = con.confrelid "
                + "where n.nspname = ? and con.contype = ?")) {
            ps.setString(1, schema);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ": " + rs.getString(2) + "(" + rs.getString(3) + ")"
                            + (rs.getString(4) == null ? "" : " -> " + rs.getString(4) + "(" + rs.getString(5) + ")"));
                }
            }
        }
        return out;
    }

    static List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select column_name, data_type, character_maximum_length, is_nullable "
                + "from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + (rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + ")")
                            + (rs.getString(4).equals("YES") ? "" : " not null"));
                }
            }
        }
        return out;
    }

    static String pgType(ColumnDef col) {
        return switch (col.type()) {
            case BIGINT -> "bigint";
            case INTEGER -> "integer";
            case DOUBLE -> "double precision";
            case VARCHAR -> "character varying(" + col.maxLength() + ")";
            case TEXT -> "text";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp without time zone";
            case BOOLEAN -> "boolean";
        };
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
