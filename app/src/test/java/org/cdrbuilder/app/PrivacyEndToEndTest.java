package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.io.FileTrees;
import org.cdrbuilder.core.parquet.ParquetOptions;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.parquet.RowParquetWriter;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both tiers built from a generated drop: the audit passes on what is published, and fails, naming the leak, on a
 * copy of the release where one part file gains a registry name, a birth month or an unshifted date. Research ids
 * and date shifts survive from one release to the next and depend on the key.
 */
class PrivacyEndToEndTest {
    @TempDir
    static Path tmp;
    static Path gen;
    static Path config;
    static Path keyFile;
    static Path registered;
    static Path controlled;

    @BeforeAll
    static void build() throws Exception {
        gen = tmp.resolve("gen");
        assertThat(Cdr.execute("generate", "--participants", "300", "--seed", "11", "--fitbit-days", "1", "--out",
                gen.toString())).isZero();
        keyFile = TestFiles.write(tmp.resolve("keys/a.key"), "test-key-a-0123456789abcdef");
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"), "v1",
                List.of("tiers: [registered, controlled]", "privacy_key_file: " + keyFile));
        config = tmp.resolve("config/release.yaml");
        assertThat(Cdr.execute("build", "--config", config.toString(), "--progress-interval", "0")).isZero();
        registered = tmp.resolve("releases/v1/registered");
        controlled = tmp.resolve("releases/v1/controlled");
    }

    @Test
    void publishedTiers_passTheAudit_withEveryCheckRun() throws Exception {
        for (Path release : List.of(registered, controlled)) {
            AuditReport r = WorkLayout.readJson(release.resolve("qa/privacy-audit.json"), AuditReport.class);
            assertThat(r.passed).as(release.toString()).isTrue();
            assertThat(r.rowsAudited).isGreaterThan(10_000);
            // every published row was audited, whether the audit read it itself or from QA's scan of the tier
            com.fasterxml.jackson.databind.JsonNode tables = WorkLayout.JSON.readTree(
                    release.resolve("manifest.json").toFile()).path("tables");
            long published = 0;
            long count = 0;
            for (var e : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) tables::fields) {
                if (!e.getValue().path("group").asText().equals("metadata")) {
                    published += e.getValue().path("row_count").asLong();
                    count++;
                }
            }
            assertThat(r.rowsAudited).as(release.toString()).isEqualTo(published);
            assertThat(r.tablesAudited).as(release.toString()).isGreaterThanOrEqualTo(count); // empty tables too
            for (AuditReport.CheckResult c : r.checks) {
                boolean notApplicable = release == controlled && (c.id.equals("dates_shifted") || c.id.equals("age_limit"));
                assertThat(c.status).as(c.id).isEqualTo(notApplicable ? "skipped" : "passed");
            }
        }
        Output out = audit(registered);
        assertThat(out.code).as(out.text).isZero();
        assertThat(out.text).contains("PASSED").doesNotContain("skipped");
    }

    @Test
    void theKeyIsWrittenNowhere_notInReleasesLogsJobRepositoryOrPrivateState() throws Exception {
        byte[] key = Files.readString(keyFile).trim().getBytes(StandardCharsets.UTF_8);
        int files = 0;
        for (String dir : List.of("releases", "work", "private")) {
            try (Stream<Path> s = Files.walk(tmp.resolve(dir))) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    assertThat(indexOf(Files.readAllBytes(f), key)).as(f.toString()).isNegative();
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        assertThat(tmp.resolve("work/jobrepo")).exists();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void registeredTier_shiftsDates_generalizes_andExcludesTheOldest() {
        try (Duck duck = new Duck()) {
            String reg = "'" + registered.resolve("omop/condition_occurrence") + "/*.parquet'";
            String con = "'" + controlled.resolve("omop/condition_occurrence") + "/*.parquet'";
            // same rows, same person, dates earlier by one shift per person, within 1..364 days
            List<List<Object>> shifts = duck.rows("select r.person_id, min(c.condition_start_date - r.condition_start_date), "
                    + "max(c.condition_start_date - r.condition_start_date) from " + reg + " r join " + con
                    + " c using (condition_occurrence_id) group by 1");
            assertThat(shifts).hasSizeGreaterThan(50);
            for (List<Object> s : shifts) {
                assertThat(s.get(1)).as("one shift per person").isEqualTo(s.get(2));
                assertThat(((Number) s.get(1)).longValue()).isBetween(1L, 364L);
            }
            String regPerson = "'" + registered.resolve("omop/person") + "/*.parquet'";
            String conPerson = "'" + controlled.resolve("omop/person") + "/*.parquet'";
            assertThat(duck.count("select count(*) from " + regPerson + " where year_of_birth <= 1936")).isZero();
            assertThat(duck.count("select count(*) from " + conPerson + " where year_of_birth <= 1936")).isPositive();
            assertThat(duck.count("select count(*) from " + regPerson + " where month_of_birth is not null "
                    + "or day_of_birth is not null or birth_datetime is not null")).isZero();
            // every person id is a research id: 7 digits, not the drop's participant numbers
            assertThat(duck.count("select count(*) from " + conPerson + " where person_id not between 1000000 and 9999999"))
                    .isZero();
            String regObs = "'" + registered.resolve("omop/observation") + "/*.parquet'";
            String conObs = "'" + controlled.resolve("omop/observation") + "/*.parquet'";
            assertThat(duck.count("select count(*) from " + regObs + " where observation_source_value = 'StreetAddress_PIIZIP'"))
                    .isZero();
            assertThat(duck.count("select count(*) from " + conObs + " where observation_source_value = 'StreetAddress_PIIZIP' "
                    + "and value_as_string is not null and not regexp_full_match(value_as_string, '[0-9]{3}')")).isZero();
            assertThat(duck.count("select count(*) from " + regObs + " where value_as_concept_id = 2000000008")).isPositive();
            assertThat(duck.count("select count(*) from " + conObs + " where value_as_concept_id = 2000000008")).isZero();
            String device = "'" + registered.resolve("wearables/device") + "/*.parquet'";
            assertThat(duck.count("select count(*) from " + device + " where device_id is null "
                    + "or not regexp_full_match(device_id, '[0-9a-f]{24}')")).isZero();
        }
    }

    @Test
    void audit_failsNamingTheLeak_whenAPartFileGainsARegistryName() throws Exception {
        Path leaky = copy(registered, tmp.resolve("leaky-name"));
        String[] person = firstRegistryPerson();
        Path part = firstPart(leaky.resolve("omop/observation"));
        rewrite(part, CdrSchema.get().table("observation"), 3, r -> r.set("value_source_value",
                "seen by " + person[1] + " " + person[2]));
        Output out = audit(leaky);
        assertThat(out.code).as(out.text).isEqualTo(6);
        assertThat(out.text).contains("registry_identifiers: 1 finding(s)")
                .contains("full name from the registry in observation.value_source_value")
                .contains("omop/observation/" + part.getFileName() + ", row 3")
                .doesNotContain(person[2]);
    }

    @Test
    void audit_failsNamingTheLeak_forBirthMonthsAndUnshiftedDates() throws Exception {
        Path leaky = copy(registered, tmp.resolve("leaky-dates"));
        Path personPart = firstPart(leaky.resolve("omop/person"));
        rewrite(personPart, CdrSchema.get().table("person"), 0, r -> r.set("month_of_birth", 6));
        // one condition date put back to what the controlled tier (unshifted) publishes
        Map<Long, LocalDate> unshifted = new HashMap<>();
        RowParquetReader.forEach(List.of(firstPart(controlled.resolve("omop/condition_occurrence"))),
                CdrSchema.get().table("condition_occurrence"), null,
                r -> unshifted.put((Long) r.get("condition_occurrence_id"), (LocalDate) r.get("condition_start_date")));
        Path conditions = firstPart(leaky.resolve("omop/condition_occurrence"));
        rewrite(conditions, CdrSchema.get().table("condition_occurrence"), 0,
                r -> r.set("condition_start_date", unshifted.get((Long) r.get("condition_occurrence_id"))));
        Output out = audit(leaky);
        assertThat(out.code).as(out.text).isEqualTo(6);
        assertThat(out.text).contains("birth_date_year_only: 1 finding(s)")
                .contains("month, day or datetime of birth in person.month_of_birth")
                .contains("dates_shifted: 1 finding(s)")
                .contains("date equal to its unshifted source in condition_occurrence.condition_start_date");
    }

    @Test
    void stateOfResidence_generalizedExactlyForParticipantsWithEhrFromASiteInAnotherState() throws Exception {
        // a minimum of one participant per state: only EHR from a site in another state generalizes a state
        Path dir = tmp.resolve("states");
        Path tiers = copy(TestFiles.repoRoot().resolve("config/tiers"), dir.resolve("tiers"));
        Path profile = tiers.resolve("controlled.yaml");
        Files.writeString(profile, Files.readString(profile).replace("state_minimum_participants: 200",
                "state_minimum_participants: 1"));
        TestSettings.of(dir, gen.resolve("drop"), gen.resolve("vocabulary"), "v1",
                List.of("privacy_key_file: " + keyFile, "tier_profiles: " + tiers));
        assertThat(Cdr.execute("build", "--config", dir.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        StringBuilder sites = new StringBuilder();
        org.cdrbuilder.steps.privacy.SiteStates.read(tiers.resolve("site-states.csv")).all().forEach((site, state) ->
                sites.append(sites.isEmpty() ? "" : ", ").append("('").append(site).append("', '").append(state).append("')"));
        // independently of the rule: each participant's state before the privacy stage and the sites of their EHR rows
        String candidate = dir.resolve("work/v1/clean/data").toString();
        String expected = "with ehr as (select distinct person_id, regexp_extract(filename, '\\.ehr\\.([a-z_]+)\\.', 1) site "
                + "from read_parquet('" + candidate + "/*/*.ehr.*.parquet', filename = true, union_by_name = true) "
                + "where person_id is not null), sites(site, st) as (values " + sites + "), "
                + "residence as (select person_id, state_of_residence_source_value s from read_parquet('" + candidate
                + "/person_ext/*.parquet')) "
                + "select r.person_id, r.s, bool_or(e.site is not null and (s.st is null or r.s <> 'PIIState_' || s.st)) away "
                + "from residence r left join ehr e using (person_id) left join sites s using (site) group by all";
        String published = Duck.withParticipantNumbers(dir.resolve("releases/v1/controlled/omop/person_ext"),
                dir.resolve("private"));
        try (Duck duck = new Duck()) {
            List<List<Object>> rows = duck.rows("select e.person_id, e.s, e.away, p.state_of_residence_source_value, "
                    + "p.state_of_residence_concept_id from (" + expected + ") e join " + published
                    + " p using (person_id) where e.s like 'PIIState_%' order by 1");
            assertThat(rows).hasSizeGreaterThan(200);
            long away = 0;
            for (List<Object> r : rows) {
                boolean generalized = Boolean.TRUE.equals(r.get(2));
                assertThat(r.get(3)).as("participant %s living in %s", r.get(0), r.get(1))
                        .isEqualTo(generalized ? "AoUDRC_GeneralizedState" : r.get(1));
                if (generalized) {
                    assertThat(r.get(4)).isEqualTo(2000000011);
                    away++;
                }
            }
            // the generator has most participants live in the state of their site, some elsewhere
            assertThat(away).isBetween(rows.size() / 20L, rows.size() / 2L);
            // the state answers follow person_ext
            String answers = Duck.withParticipantNumbers(dir.resolve("releases/v1/controlled/omop/observation"),
                    dir.resolve("private"));
            assertThat(duck.count("select count(*) from " + answers + " a join " + published + " p using (person_id) "
                    + "where a.observation_source_value = 'StreetAddress_PIIState' "
                    + "and (p.state_of_residence_source_value = 'AoUDRC_GeneralizedState') "
                    + "<> (a.value_source_value = 'AoUDRC_GeneralizedState')")).isZero();
        }
    }

    @Test
    void audit_failsNamingTheState_whenAStateSharedByTooFewIsPublished() throws Exception {
        Path leaky = copy(registered, tmp.resolve("leaky-state"));
        Path part = firstPart(leaky.resolve("omop/person_ext"));
        rewrite(part, CdrSchema.get().table("person_ext"), 2, r -> r.set("state_of_residence_source_value", "PIIState_MS"));
        Output out = audit(leaky);
        assertThat(out.code).as(out.text).isEqualTo(6);
        assertThat(out.text).contains("states_shared: 1 finding(s)")
                .contains("state PIIState_MS published for 1 participant(s), fewer than 200")
                .contains("omop/person_ext/" + part.getFileName() + ", row 2");
    }

    @Test
    void build_refusesToPublish_whenATierProfileLetsIdentifiersThrough() throws Exception {
        Path dir = tmp.resolve("weak");
        Path drop = copy(gen.resolve("drop"), dir.resolve("drop"));
        String[] person = firstRegistryPerson();
        // a free-text condition source value naming a participant, and a profile that keeps that column
        Path csv;
        try (Stream<Path> s = Files.walk(drop.resolve("ehr"))) {
            csv = s.filter(p -> p.getFileName().toString().equals("condition_occurrence.csv")).sorted().findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] f = lines.get(1).split(",", -1);
        f[9] = person[1] + " " + person[2];
        lines.set(1, String.join(",", f));
        Files.write(csv, lines);
        Path tiers = copy(TestFiles.repoRoot().resolve("config/tiers"), dir.resolve("tiers"));
        Path profile = tiers.resolve("controlled.yaml");
        Files.writeString(profile, Files.readString(profile).replace("keep_text_columns: [src_id,",
                "keep_text_columns: [condition_source_value, src_id,"));
        TestSettings.of(dir, drop, gen.resolve("vocabulary"), "v1",
                List.of("privacy_key_file: " + keyFile, "tier_profiles: " + tiers));
        int code = Cdr.execute("build", "--config", dir.resolve("config/release.yaml").toString(), "--progress-interval", "0");
        assertThat(code).isEqualTo(6);
        assertThat(dir.resolve("releases/v1")).doesNotExist();
        AuditReport r = WorkLayout.readJson(dir.resolve("work/v1/state/qa/controlled/privacy-audit.json"), AuditReport.class);
        assertThat(r.passed).isFalse();
        AuditReport.CheckResult c = r.failed().get(0);
        assertThat(c.id).isEqualTo("registry_identifiers");
        assertThat(c.examples.get(0).table()).isEqualTo("condition_occurrence");
        assertThat(c.examples.get(0).column()).isEqualTo("condition_source_value");
        assertThat(Files.readString(dir.resolve("work/v1/state/qa/controlled/privacy-audit.json"))).doesNotContain(person[2]);
    }

    @Test
    void nextRelease_keepsResearchIdsAndShifts_anotherKeyGivesOthers() throws Exception {
        // v2: the same drop with five more participants in the registry
        Path dir = tmp.resolve("continuity");
        Path drop = copy(gen.resolve("drop"), dir.resolve("drop"));
        Path registry = drop.resolve("participants/participants.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(registry));
        int added = 0;
        for (int i = 1; i < lines.size() && added < 5; i++) {
            String[] f = lines.get(i).split(",", -1);
            int born = Integer.parseInt(f[8].substring(0, 4));
            // consented, not withdrawn nor deactivated, adult and under 89: certainly published
            if (!f[9].isEmpty() && f[12].isEmpty() && f[13].isEmpty() && born >= 1950 && born <= 2000) {
                f[0] = "P9" + f[0].substring(2);
                lines.add(String.join(",", f));
                added++;
            }
        }
        Files.write(registry, lines);
        Path work = tmp.resolve("work");
        Path priv = tmp.resolve("private");
        assertThat(Cdr.execute("build", "--config", config.toString(), "--drop", drop.toString(), "--release-version", "v2",
                "--tier", "registered", "--progress-interval", "0")).isZero();
        Path v2 = tmp.resolve("releases/v2/registered");
        Map<Long, Object> firstDatesV1 = firstConditionDates(registered);
        Map<Long, Object> firstDatesV2 = firstConditionDates(v2);
        assertThat(firstDatesV1).hasSizeGreaterThan(50);
        assertThat(firstDatesV2).containsAllEntriesOf(firstDatesV1); // same research id, same shifted dates
        try (Duck duck = new Duck()) {
            assertThat(duck.count("select count(*) from '" + v2.resolve("omop/person") + "/*.parquet'"))
                    .isEqualTo(duck.count("select count(*) from '" + registered.resolve("omop/person") + "/*.parquet'") + 5);
        }
        assertThat(work).isDirectory();

        // another key: a new private directory, other research ids and shifts; the old store refuses it
        Path otherKey = TestFiles.write(tmp.resolve("keys/b.key"), "test-key-b-fedcba9876543210");
        assertThat(Cdr.execute("build", "--config", config.toString(), "--key-file", otherKey.toString(),
                "--release-version", "v3", "--tier", "registered", "--progress-interval", "0")).isEqualTo(2);
        assertThat(Cdr.execute("build", "--config", config.toString(), "--key-file", otherKey.toString(),
                "--private", dir.resolve("private-b").toString(), "--releases", dir.resolve("releases").toString(),
                "--work", dir.resolve("work").toString(), "--tier", "registered", "--progress-interval", "0")).isZero();
        Map<Long, Object> otherKeyDates = firstConditionDates(dir.resolve("releases/v1/registered"));
        assertThat(otherKeyDates).hasSameSizeAs(firstDatesV1);
        long sameIds = otherKeyDates.keySet().stream().filter(firstDatesV1::containsKey).count();
        assertThat(sameIds).as("research ids shared by both keys").isLessThan(3);
        assertThat(new java.util.TreeSet<>(otherKeyDates.values().stream().map(Object::toString).toList()))
                .isNotEqualTo(new java.util.TreeSet<>(firstDatesV1.values().stream().map(Object::toString).toList()));
        assertThat(priv.resolve("privacy/mapping.parquet")).isRegularFile();
    }

    // ---- helpers ----

    private static Map<Long, Object> firstConditionDates(Path release) {
        Map<Long, Object> m = new HashMap<>();
        try (Duck duck = new Duck()) {
            for (List<Object> r : duck.rows("select person_id, cast(min(condition_start_date) as varchar) from '"
                    + release.resolve("omop/condition_occurrence") + "/*.parquet' group by 1")) {
                m.put(((Number) r.get(0)).longValue(), r.get(1));
            }
        }
        return m;
    }

    /** participant id, first name, last name of the first registry row that has names. */
    private static String[] firstRegistryPerson() throws Exception {
        List<String> lines = Files.readAllLines(gen.resolve("drop/participants/participants.csv"));
        String[] f = lines.get(1).split(",", -1);
        return new String[] {f[0], f[1], f[2]};
    }

    private static Path firstPart(Path tableDir) throws Exception {
        try (Stream<Path> s = Files.list(tableDir)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }

    /** Rewrites a part file with row {@code index} changed. */
    private static void rewrite(Path part, TableDef table, int index, Consumer<Row> change) {
        List<Row> rows = new ArrayList<>();
        RowParquetReader.forEach(List.of(part), table, null, rows::add);
        change.accept(rows.get(index));
        Path tmpFile = part.resolveSibling("rewritten.tmp");
        try (RowParquetWriter w = RowParquetWriter.open(tmpFile, table, ParquetOptions.RELEASE)) {
            rows.forEach(w::write);
        }
        try {
            Files.move(tmpFile, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        FileTrees.deleteTree(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private record Output(int code, String text) {
    }

    private static Output audit(Path release) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            code = Cdr.execute("audit", release.toString(), "--config", config.toString());
        } finally {
            System.setOut(saved);
        }
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
