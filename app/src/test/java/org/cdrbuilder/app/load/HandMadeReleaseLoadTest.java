package org.cdrbuilder.app.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdrbuilder.app.load.HandMadeTier.row;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestPostgres;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdr load} of tiers written by hand: text with tabs, newlines, backslashes, quotes and four-byte characters,
 * empty strings beside NULLs, doubles at their edges, dates and timestamps around both epochs all arrive exactly;
 * values that do not fit the changelog's columns, broken keys and manifests that disagree with their files are
 * refused with table, column, file and row named, and leave nothing in the database.
 */
class HandMadeReleaseLoadTest {
    static final String[] TEXTS = {"tab\there", "new\nline\r\n", "back\\slash \\N", "", null, "quote\" 'single' ;",
        "ünïcödé ✓ 𝄞", "é".repeat(50)};
    static final double[] DOUBLES = {0.1, -0.0, 4.9e-324, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY,
        1.0 / 3, 123456789.123456789};
    static final LocalDate[] DATES = {LocalDate.of(1066, 10, 14), LocalDate.of(1969, 12, 31), LocalDate.of(2000, 1, 1),
        LocalDate.of(2000, 2, 29), LocalDate.of(9999, 12, 31)};
    static final LocalDateTime[] TIMES = {LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(2026, 3, 8, 2, 30, 0, 1_000),
        LocalDateTime.of(1900, 1, 1, 12, 0, 0, 500_000_000)};

    @TempDir
    static Path tmp;
    static String url;

    static String unavailable;

    @BeforeAll
    static void database() {
        try {
            url = TestPostgres.requireDatabase("cdr_load_hand_test");
        } catch (org.opentest4j.TestAbortedException e) {
            // tests that refuse before connecting still run; the others skip, each with this message
            unavailable = e.getMessage();
            url = "jdbc:postgresql://127.0.0.1:1/unavailable";
        }
    }

    private static void requirePostgres() {
        org.junit.jupiter.api.Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @Test
    void specialValues_arriveExactly_inEveryTable() throws Exception {
        requirePostgres();
        HandMadeTier tier = goodTier(tmp.resolve("special"));
        Path dir = tier.write("build-special");
        CliRun run = CliRun.of("load", dir.toString(), "--jdbc-url", url, "--schema", "hand_special");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("observation +16 rows +[0-9.]+ s +[0-9,]+ rows/s")
                .contains("fk_observation_visit_occurrence_id"); // not added: the tier has no visit_occurrence
        try (Connection c = DriverManager.getConnection(url); Duck duck = new Duck()) {
            for (String table : List.of("concept", "person", "observation", "sleep_level", "_cdr_metadata")) {
                TableDef t = CdrSchema.get().table(table);
                List<List<Object>> db = TableRows.postgres(c, "hand_special", t);
                assertThat(db).as(table).isNotEmpty()
                        .isEqualTo(TableRows.parquet(duck, dir.resolve(t.group().releaseFolder()).resolve(table), t));
            }
            assertThat(count(c, "select count(*) from hand_special.observation where value_as_string = ''")).isEqualTo(2);
            assertThat(count(c, "select count(*) from hand_special.observation where value_as_string is null")).isEqualTo(2);
            assertThat(count(c, "select count(*) from hand_special.observation where value_as_number = 'NaN'")).isEqualTo(2);
            assertThat(count(c, "select count(*) from hand_special.observation where value_as_string = E'back\\\\slash \\\\N'"))
                    .isEqualTo(2);
            assertThat(count(c, "select count(*) from hand_special.person where person_id = 2000000000")).isEqualTo(1);
            assertThat(count(c, "select count(*) from hand_special._cdr_load where build_id = 'build-special' "
                    + "and release_version = 'v1' and tier = 'registered' and rows_loaded = 32")).isEqualTo(1);
        }
    }

    @Test
    void textLongerThanItsColumn_isRefused_namingTableColumnFileAndRow_andNothingStays() throws Exception {
        requirePostgres();
        HandMadeTier tier = goodTier(tmp.resolve("long"));
        tier.table("person", List.of(person(1), person(2).set("person_source_value", "é".repeat(51)), person(2_000_000_000L)));
        CliRun run = CliRun.of("load", tier.write("build-long").toString(), "--jdbc-url", url, "--schema", "hand_long");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table person, column person_source_value, row 2 of omop/person/part-00000.parquet "
                + "(row 2 of the table): the value is a text of 51 characters, longer than character varying(50)")
                .doesNotContain("\tat ");
        assertThat(schemaExists("hand_long")).as("rolled back").isFalse();
    }

    @Test
    void wideIntegers_loadWhenTheyFitTheChangelogsInteger_andAreRefusedWhenNot() throws Exception {
        requirePostgres();
        // a release written when gender_concept_id was BIGINT, loaded by a changelog that declares it INTEGER
        TableDef person = CdrSchema.get().table("person");
        List<ColumnDef> cols = new ArrayList<>(person.columns());
        int g = person.indexOf("gender_concept_id");
        ColumnDef old = cols.get(g);
        cols.set(g, new ColumnDef(old.name(), ColumnType.BIGINT, 0, old.nullable(), false, "", old.references()));
        TableDef wide = new TableDef("person", person.group(), "", cols);
        HandMadeTier fits = goodTier(tmp.resolve("wide-fits"));
        fits.table(wide, List.of(widePerson(wide, 1, 8507L), widePerson(wide, 2, 8507L)), List.of(widePerson(wide, 2_000_000_000L, 8532L)));
        assertThat(CliRun.of("load", fits.write("b1").toString(), "--jdbc-url", url, "--schema", "hand_wide").exit()).isZero();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "select sum(gender_concept_id) from hand_wide.person")).isEqualTo(8507L * 2 + 8532);
        }
        HandMadeTier tooWide = goodTier(tmp.resolve("wide-too"));
        tooWide.table(wide, List.of(widePerson(wide, 1, 8507L), widePerson(wide, 2, 8507L)),
                List.of(widePerson(wide, 2_000_000_000L, 3_000_000_000L)));
        CliRun run = CliRun.of("load", tooWide.write("b2").toString(), "--jdbc-url", url, "--schema", "hand_wide_too");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table person, column gender_concept_id, row 1 of omop/person/part-00001.parquet "
                + "(row 3 of the table): the value 3000000000 does not fit integer");
        assertThat(schemaExists("hand_wide_too")).isFalse();
    }

    @Test
    void nullsInNotNullColumns_andColumnsTheChangelogLacks_areRefused() throws Exception {
        requirePostgres();
        TableDef person = CdrSchema.get().table("person");
        TableDef relaxed = person.relaxed(java.util.Set.of("year_of_birth"));
        HandMadeTier nulls = goodTier(tmp.resolve("nulls"));
        nulls.table(relaxed, List.of(person(1), person(2)), List.of(person(2_000_000_000L).set("year_of_birth", null)));
        CliRun run = CliRun.of("load", nulls.write("b").toString(), "--jdbc-url", url, "--schema", "hand_nulls");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table person, column year_of_birth, row 1 of omop/person/part-00001.parquet "
                + "(row 3 of the table): the value is null, but the column is NOT NULL");

        List<ColumnDef> cols = new ArrayList<>(person.columns());
        cols.add(new ColumnDef("nickname", ColumnType.VARCHAR, 20, true, false, "", java.util.Optional.empty()));
        TableDef extra = new TableDef("person", person.group(), "", cols);
        HandMadeTier drift = goodTier(tmp.resolve("drift"));
        drift.table(extra, List.of(row(extra, "person_id", 1L, "gender_concept_id", 8507, "year_of_birth", 1970,
                "race_concept_id", 8527, "ethnicity_concept_id", 38003564, "nickname", "Bob")));
        run = CliRun.of("load", drift.write("b").toString(), "--jdbc-url", url, "--schema", "hand_drift");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table person in omop/person/part-00000.parquet has a column nickname that the schema "
                + "changelog of this cdr version does not declare");
        assertThat(schemaExists("hand_nulls")).isFalse();
        assertThat(schemaExists("hand_drift")).isFalse();
    }

    @Test
    void aSchemaWithTablesOfTheChangelog_thatNoLoadRecorded_isRefusedNamingThem() throws Exception {
        requirePostgres();
        try (Connection c = DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("create schema hand_taken");
            st.execute("create table hand_taken.person (id int)");
            st.execute("create table hand_taken.my_own_table (id int)");
        }
        Path dir = goodTier(tmp.resolve("taken")).write("b");
        CliRun run = CliRun.of("load", dir.toString(), "--jdbc-url", url, "--schema", "hand_taken");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("schema hand_taken already has 1 table(s) of the CDR schema that no finished cdr load "
                + "recorded (person)");
        run = CliRun.of("load", dir.toString(), "--jdbc-url", url, "--schema", "hand_taken", "--replace");
        assertThat(run.exit()).as(run.err()).isZero();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "select count(*) from hand_taken.person")).isEqualTo(3);
            assertThat(count(c, "select count(*) from hand_taken.my_own_table")).as("tables not of the changelog stay").isZero();
        }
    }

    @Test
    void brokenKeys_areRefusedNamingTheConstraintAndTheKey() throws Exception {
        requirePostgres();
        HandMadeTier dup = goodTier(tmp.resolve("dup"));
        dup.table("person", List.of(person(1), person(2)), List.of(person(2)));
        CliRun run = CliRun.of("load", dup.write("b").toString(), "--jdbc-url", url, "--schema", "hand_dup");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("primary key xpk_person of person (person_id) does not hold in the release")
                .contains("Key (person_id)=(2)");
        HandMadeTier orphan = goodTier(tmp.resolve("orphan"));
        orphan.table("observation", List.of(observation(1, 1, "a", 1.0), observation(2, 99, "b", 2.0)));
        run = CliRun.of("load", orphan.write("b").toString(), "--jdbc-url", url, "--schema", "hand_orphan");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("foreign key fk_observation_person_id (observation.person_id references person.person_id)"
                + " does not hold in the release").contains("Key (person_id)=(99) is not present in table \"person\"");
        assertThat(schemaExists("hand_dup")).isFalse();
        assertThat(schemaExists("hand_orphan")).isFalse();
    }

    @Test
    void manifestsThatDisagreeWithTheirFiles_areRefusedBeforeAnyConnection() {
        String nowhere = "jdbc:postgresql://127.0.0.1:1/none";
        HandMadeTier tier = goodTier(tmp.resolve("claims")).claimRows("person", 5);
        CliRun run = CliRun.of("load", tier.write("b").toString(), "--jdbc-url", nowhere);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table person: its files hold 3 rows, the manifest says 5");

        HandMadeTier missing = goodTier(tmp.resolve("missing"));
        Path dir = missing.write("b");
        org.cdrbuilder.core.io.FileTrees.deleteTree(dir.resolve("omop/concept"));
        run = CliRun.of("load", dir.toString(), "--jdbc-url", nowhere);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("table concept: file omop/concept/part-00000.parquet of the manifest is missing");
    }

    @Test
    void aVersionFolder_needsTheTier_andBadArgumentsExitWith2() {
        Path dir = goodTier(tmp.resolve("folder")).write("b");
        CliRun run = CliRun.of("load", dir.getParent().toString(), "--jdbc-url", url);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a release version; name one of its tiers with --tier (registered)");
        assertThat(CliRun.of("load", dir.getParent().toString(), "--tier", "controlled", "--jdbc-url", url).err())
                .contains("has no tier controlled (it has registered)");
        assertThat(CliRun.of("load", dir.toString(), "--jdbc-url", url, "--schema", "Bad-Name").exit()).isEqualTo(2);
        assertThat(CliRun.of("load", dir.toString(), "--jdbc-url", "jdbc:mysql://localhost/x").err())
                .contains("--jdbc-url must be a PostgreSQL JDBC URL");
        assertThat(CliRun.of("load", dir.toString()).exit()).as("--jdbc-url is required").isEqualTo(2);
    }

    static HandMadeTier goodTier(Path releases) {
        HandMadeTier t = new HandMadeTier(releases, "v1", "registered");
        t.table("concept", List.of(concept(0, "No matching concept"), concept(8507, "MALE"), concept(8532, "FEMALE"),
                concept(8527, "White\twith tab"), concept(38003564, "Not Hispanic \"or\" Latino"),
                concept(4000001, "Back\\slash ünïcödé"), concept(45905771, "Survey")));
        t.table("person", List.of(person(1), person(2)), List.of(person(2_000_000_000L)));
        List<Row> first = new ArrayList<>();
        List<Row> second = new ArrayList<>();
        for (int i = 0; i < TEXTS.length; i++) {
            first.add(observation(i + 1, 1, TEXTS[i], DOUBLES[i]));
            second.add(observation(100 + i, 2_000_000_000L, TEXTS[TEXTS.length - 1 - i], DOUBLES[i])
                    .set("observation_source_value", TEXTS[i]).set("value_source_value", "x".repeat(50)));
        }
        t.table("observation", first, second);
        List<Row> sleep = new ArrayList<>();
        for (int i = 0; i < TIMES.length; i++) {
            sleep.add(row("sleep_level", "person_id", 1L, "sleep_date", DATES[i], "is_main_sleep", i % 2 == 0 ? "true" : "false",
                    "level", i == 3 ? null : "deep", "start_datetime", TIMES[i], "duration_in_min", DOUBLES[i], "src_id", ""));
        }
        t.table(CdrSchema.get().table("sleep_level"), sleep);
        t.table("_cdr_metadata", List.of(row("_cdr_metadata", "metadata_key", "release_version", "metadata_value", "v1"),
                row("_cdr_metadata", "metadata_key", "note", "metadata_value", "line one\nline two\ttabbed \\ end")));
        return t;
    }

    static Row concept(int id, String name) {
        return row("concept", "concept_id", id, "concept_name", name, "domain_id", "Observation", "vocabulary_id", "Test",
                "concept_class_id", "Clinical", "concept_code", "C" + id, "valid_start_date", LocalDate.of(1970, 1, 1),
                "valid_end_date", LocalDate.of(2099, 12, 31));
    }

    static Row person(long id) {
        return row("person", "person_id", id, "gender_concept_id", 8507, "year_of_birth", 1950 + (int) (id % 50),
                "race_concept_id", 8527, "ethnicity_concept_id", 38003564, "birth_datetime", TIMES[(int) (id % TIMES.length)],
                "person_source_value", id == 1 ? "é".repeat(50) : id == 2 ? "tab\tnl\nbs\\" : "");
    }

    static Row widePerson(TableDef wide, long id, long gender) {
        return row(wide, "person_id", id, "gender_concept_id", gender, "year_of_birth", 1960, "race_concept_id", 8527,
                "ethnicity_concept_id", 38003564);
    }

    static Row observation(long id, long person, String text, double number) {
        return row("observation", "observation_id", id, "person_id", person, "observation_concept_id", 4000001,
                "observation_date", DATES[(int) (id % DATES.length)], "observation_datetime", TIMES[(int) (id % TIMES.length)],
                "observation_type_concept_id", 45905771, "value_as_string", text, "value_as_number", number,
                "visit_occurrence_id", 7L);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean schemaExists(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return count(c, "select count(*) from pg_namespace where nspname = '" + schema + "'") > 0;
        }
    }
}
