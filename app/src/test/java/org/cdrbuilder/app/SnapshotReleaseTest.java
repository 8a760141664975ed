package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The aggregate snapshot of a generated drop, built end to end: its counts are recomputed independently with DuckDB
 * over the published Parquet (and, for biospecimens, the registry) and compared with the true counts the build kept
 * in the work directory and with the published, disseminated ones.
 */
class SnapshotReleaseTest {
    static final int CELL = 20;
    @TempDir
    static Path tmp;
    static Path release;
    static Path raw;
    static Path registry;
    static Duck duck;

    @BeforeAll
    static void build() {
        Path gen = tmp.resolve("gen");
        assertThat(Cdr.execute("generate", "--participants", "300", "--seed", "11", "--fitbit-days", "2", "--out",
                gen.toString())).isZero();
        registry = gen.resolve("drop/participants/participants.csv");
        TestSettings.of(tmp, gen.resolve("drop"), gen.resolve("vocabulary"));
        assertThat(Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                "--progress-interval", "0")).isZero();
        release = tmp.resolve("releases/v1/controlled");
        raw = tmp.resolve("work/v1/state/snapshot-raw/controlled");
        duck = new Duck();
    }

    @AfterAll
    static void close() {
        duck.close();
    }

    /** The dissemination rule, written again here so that the test does not trust the code under test. */
    static long round(long n) {
        return n == 0 ? 0 : (n + CELL - 1) / CELL * CELL;
    }

    static String omop(String table) {
        return "'" + release.resolve("omop").resolve(table) + "/*.parquet'";
    }

    static String published(String family) {
        return "'" + release.resolve("snapshot").resolve(family + ".parquet") + "'";
    }

    static String trueCounts(String family) {
        return "'" + raw.resolve(family + ".parquet") + "'";
    }

    /** Key (key columns joined with "/") -> {true, published} count of a family. */
    static Map<String, long[]> counts(String family, String keys, String count) {
        List<String> on = new ArrayList<>();
        List<String> key = new ArrayList<>();
        for (String k : keys.split(",\\s*")) {
            on.add("r." + k + " is not distinct from p." + k);
            key.add("r." + k);
        }
        Map<String, long[]> out = new HashMap<>();
        for (List<Object> r : duck.rows("select concat_ws('/', " + String.join(", ", key) + "), r." + count + ", p."
                + count + " from " + trueCounts(family) + " r join " + published(family) + " p on "
                + String.join(" and ", on))) {
            long[] v = {((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue()};
            assertThat(out.put(String.valueOf(r.get(0)), v)).as(family + " key " + r.get(0) + " is unique").isNull();
        }
        assertThat(out).as(family + ": same rows true and published")
                .hasSize((int) duck.count("select count(*) from " + published(family)));
        return out;
    }

    static Map<String, Long> sql(String query) {
        Map<String, Long> out = new HashMap<>();
        duck.rows(query).forEach(r -> out.put(String.valueOf(r.get(0)), ((Number) r.get(1)).longValue()));
        return out;
    }

    /** Per person: which data types, computed from the published tables (and the registry for biospecimens). */
    static String dataTypesPerPerson() {
        List<String> ehr = new ArrayList<>();
        for (String[] t : new String[][] {{"visit_occurrence", "visit_occurrence_id"},
                {"condition_occurrence", "condition_occurrence_id"}, {"drug_exposure", "drug_exposure_id"},
                {"procedure_occurrence", "procedure_occurrence_id"}, {"device_exposure", "device_exposure_id"},
                {"measurement", "measurement_id"}, {"observation", "observation_id"}, {"death", "person_id"}}) {
            ehr.add("select x.person_id from " + omop(t[0]) + " x join " + omop(t[0] + "_ext") + " e using (" + t[1]
                    + ") where e.src_id like 'EHR site%'");
        }
        List<String> fitbit = new ArrayList<>();
        for (String t : List.of("activity_summary", "heart_rate_minute_level", "heart_rate_summary", "steps_intraday",
                "sleep_daily_summary", "sleep_level", "device")) {
            fitbit.add("select person_id from '" + release.resolve("wearables").resolve(t) + "/*.parquet'");
        }
        return "select p.person_id, "
                + "p.person_id in (select person_id from " + omop("survey_conduct") + ") as surveys, "
                + "p.person_id in (" + String.join(" union ", ehr) + ") as ehr, "
                + "p.person_id in (select person_id from " + omop("measurement")
                + " where measurement_type_concept_id = 44818701) as physical_measurements, "
                + "p.person_id in (" + String.join(" union ", fitbit) + ") as fitbit, "
                + "p.person_id in (select m.research_id from read_csv('" + registry + "', all_varchar = true) r "
                + "join '" + tmp.resolve("private/privacy/mapping.parquet") + "' m "
                + "on cast(substr(r.participant_id, 2) as bigint) = m.participant_number "
                + "where biospecimen_date <> '' and biospecimen_date <= '2026-10-01') as biospecimens "
                + "from " + omop("person") + " p";
    }

    @Test
    void participantsPerDataTypeAndCombination_matchDuckDb_beforeAndAfterRounding() {
        String flags = dataTypesPerPerson();
        Map<String, long[]> types = counts("data_types", "data_type", "participants");
        long all = duck.count("select count(*) from " + omop("person"));
        assertThat(types.get("all")[0]).isEqualTo(all);
        for (String t : List.of("surveys", "ehr", "physical_measurements", "fitbit", "biospecimens")) {
            long expected = duck.count("select count(*) from (" + flags + ") where " + t);
            assertThat(expected).as(t).isPositive();
            assertThat(types.get(t)[0]).as(t + " true count").isEqualTo(expected);
            assertThat(types.get(t)[1]).as(t + " published: rounded, at most one step more per level below it")
                    .isBetween(round(expected), round(expected) + 2 * CELL);
        }
        Map<String, Long> combos = sql("select concat_ws('+', case when surveys then 'surveys' end, case when ehr then "
                + "'ehr' end, case when physical_measurements then 'physical_measurements' end, case when fitbit then "
                + "'fitbit' end, case when biospecimens then 'biospecimens' end) as c, count(*) from (" + flags
                + ") group by 1");
        Map<String, long[]> snapshot = counts("data_type_combinations", "combination", "participants");
        assertThat(snapshot.keySet()).containsExactlyInAnyOrderElementsOf(
                combos.keySet().stream().map(k -> k.isEmpty() ? "none" : k).toList());
        combos.forEach((k, n) -> {
            long[] c = snapshot.get(k.isEmpty() ? "none" : k);
            assertThat(c[0]).as(k).isEqualTo(n);
            assertThat(c[1]).as(k + " is a leaf: the plain rule").isEqualTo(round(n));
        });
    }

    @Test
    void dataBrowserAndAchillesConceptCounts_matchDuckDb() {
        Map<String, long[]> browserPersons = counts("concepts", "domain, concept_id", "participants");
        Map<String, long[]> browserRecords = counts("concepts", "domain, concept_id", "records");
        Map<String, long[]> domains = counts("domains", "domain", "participants");
        Map<String, long[]> achilles = counts("achilles_results", "analysis_id, stratum_1", "count_value");
        for (String[] t : new String[][] {{"condition_occurrence", "condition_concept_id", "Condition", "400"},
                {"measurement", "measurement_concept_id", "Measurement", "1800"},
                {"drug_exposure", "drug_concept_id", "Drug", "700"}}) {
            String ehrRows = omop(t[0]) + " x join " + omop(t[0] + "_ext") + " e using (" + pk(t[0])
                    + ") where e.src_id like 'EHR site%'";
            Map<String, Long> persons = sql("select " + t[1] + ", count(distinct person_id) from " + ehrRows + " and "
                    + t[1] + " <> 0 group by 1");
            Map<String, Long> records = sql("select " + t[1] + ", count(*) from " + ehrRows + " and " + t[1]
                    + " <> 0 group by 1");
            assertThat(persons).isNotEmpty();
            persons.forEach((concept, n) -> {
                long[] p = browserPersons.get(t[2] + "/" + concept);
                assertThat(p[0]).as(t[0] + " " + concept).isEqualTo(n);
                assertThat(p[1]).as(t[0] + " " + concept + " published (a leaf: the plain rule)").isEqualTo(round(n));
                long[] r = browserRecords.get(t[2] + "/" + concept);
                assertThat(r[0]).isEqualTo(records.get(concept));
                assertThat(r[1]).isEqualTo(round(records.get(concept)));
            });
            assertThat(browserPersons.keySet().stream().filter(k -> k.startsWith(t[2] + "/"))).hasSize(persons.size());
            long domain = duck.count("select count(distinct person_id) from " + ehrRows);
            assertThat(domains.get(t[2])[0]).isEqualTo(domain);
            assertThat(domains.get(t[2])[1]).isBetween(round(domain), round(domain) + 2 * CELL);
            assertThat(duck.count("select concepts from " + published("domains") + " where domain = '" + t[2] + "'"))
                    .as("distinct concepts are not rounded").isEqualTo(persons.size());
            Map<String, Long> allRows = sql("select " + t[1] + ", count(distinct person_id) from " + omop(t[0])
                    + " group by 1");
            allRows.forEach((concept, n) -> {
                long[] a = achilles.get(t[3] + "/" + concept);
                assertThat(a[0]).as("achilles " + t[3] + " " + concept).isEqualTo(n);
                assertThat(a[1]).isBetween(round(n), round(n) + CELL);
            });
        }
    }

    private static String pk(String table) {
        return table.equals("measurement") ? "measurement_id" : table + "_id";
    }

    @Test
    void surveyExplorerCounts_matchDuckDb() {
        String answers = "select s.survey_concept_id m, o.observation_source_concept_id q, case "
                + "when coalesce(o.value_source_concept_id, 0) <> 0 then o.value_source_concept_id "
                + "when coalesce(o.value_as_concept_id, 0) <> 0 then o.value_as_concept_id "
                + "when o.value_as_number is not null then -1 when o.value_as_string is not null then -2 else -3 end a, "
                + "o.person_id from " + omop("observation") + " o join " + omop("survey_conduct")
                + " s on o.questionnaire_response_id = s.survey_conduct_id where o.observation_type_concept_id = 45905771";
        Map<String, Long> modules = sql("select survey_concept_id, count(distinct person_id) from "
                + omop("survey_conduct") + " group by 1");
        Map<String, long[]> snapshotModules = counts("survey_modules", "module_concept_id", "participants");
        assertThat(snapshotModules).hasSize(7);
        modules.forEach((m, n) -> {
            assertThat(snapshotModules.get(m)[0]).as("module " + m).isEqualTo(n);
            assertThat(snapshotModules.get(m)[1]).isBetween(round(n), round(n) + 3 * CELL);
        });
        Map<String, Long> questions = sql("select concat_ws('/', m, q), count(distinct person_id) from (" + answers
                + ") group by m, q");
        Map<String, long[]> snapshotQuestions = counts("survey_questions", "module_concept_id, question_concept_id",
                "participants");
        assertThat(snapshotQuestions.keySet()).containsExactlyInAnyOrderElementsOf(questions.keySet());
        questions.forEach((k, n) -> assertThat(snapshotQuestions.get(k)[0]).as("question " + k).isEqualTo(n));
        assertThat(sql("select module_concept_id, questions from " + published("survey_modules"))).isEqualTo(
                sql("select m, count(distinct q) from (" + answers + ") group by m"));
        Map<String, Long> byAnswer = sql("select concat_ws('/', m, q, case when a < 0 then 0 else a end, case a when -1 "
                + "then 'Numeric answer' when -2 then 'Text answer' when -3 then 'Answer not in the vocabulary' end), "
                + "count(distinct person_id) from (" + answers + ") group by all");
        Map<String, Long> snapshotAnswers = new HashMap<>();
        Map<String, Long> publishedAnswers = new HashMap<>();
        for (List<Object> r : duck.rows("select concat_ws('/', r.module_concept_id, r.question_concept_id, "
                + "r.answer_concept_id, case when r.answer_concept_id = 0 then r.answer_name end), r.participants, "
                + "p.participants from " + trueCounts("survey_answers") + " r positional join " + published("survey_answers")
                + " p")) {
            snapshotAnswers.put((String) r.get(0), (Long) r.get(1));
            publishedAnswers.put((String) r.get(0), (Long) r.get(2));
        }
        assertThat(snapshotAnswers).isEqualTo(byAnswer);
        byAnswer.forEach((k, n) -> assertThat(publishedAnswers.get(k)).as("answer " + k + " (a leaf)").isEqualTo(round(n)));
        assertThat(duck.count("select count(*) from " + published("survey_answers") + " where answer_concept_id = 0 and "
                + "answer_name = 'Text answer'")).as("free text is one group, never a value").isPositive();
    }

    @Test
    void demographicsAchillesPersonsAndDistributions_matchDuckDb() {
        Map<String, long[]> achilles = counts("achilles_results", "analysis_id, stratum_1", "count_value");
        long persons = duck.count("select count(*) from " + omop("person"));
        assertThat(achilles.get("1")[0]).isEqualTo(persons);
        Map<String, long[]> demographics = counts("demographics", "category, concept_id, label", "participants");
        sql("select gender_concept_id, count(*) from " + omop("person") + " group by 1").forEach((g, n) -> {
            assertThat(achilles.get("2/" + g)).as("gender " + g).containsExactly(n, round(n));
            assertThat(demographics.entrySet().stream().filter(e -> e.getKey().startsWith("gender/" + g + "/"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow()).containsExactly(n, round(n));
        });
        sql("select year_of_birth, count(*) from " + omop("person") + " group by 1").forEach((y, n) ->
                assertThat(achilles.get("3/" + y)).as("born " + y).containsExactly(n, round(n)));
        sql("select race_concept_id, count(*) from " + omop("person") + " group by 1").forEach((r, n) ->
                assertThat(achilles.get("4/" + r)).as("race " + r).containsExactly(n, round(n)));
        long[] band = demographics.get("age/30-39");
        long thirties = duck.count("select count(*) from " + omop("person") + " where 2026 - year_of_birth between 30 and 39");
        assertThat(band[0]).isEqualTo(thirties);
        assertThat(band[1]).as("a band contains its birth-year cells").isBetween(round(thirties), round(thirties) + CELL);
        // Achilles 403: distinct condition concepts per person; median = smallest value reaching half the persons
        String perPerson = "select person_id, count(distinct condition_concept_id) v from " + omop("condition_occurrence")
                + " group by 1";
        List<Object> expected = duck.rows("select count(*), avg(v), min(v) filter (where acc >= 0.5 * n) from (select v, "
                + "count(*) over (order by v) acc, count(*) over () n from (" + perPerson + "))").get(0);
        for (Path dir : List.of(raw, release.resolve("snapshot"))) {
            List<Object> dist = duck.rows("select count_value, avg_value, median_value from '" + dir.resolve(
                    "achilles_results_dist.parquet") + "' where analysis_id = 403").get(0);
            long n = ((Number) expected.get(0)).longValue();
            long count = ((Number) dist.get(0)).longValue();
            if (dir == raw) {
                assertThat(count).isEqualTo(n);
            } else {
                assertThat(count).isBetween(round(n), round(n) + 2 * CELL);
            }
            assertThat((Double) dist.get(1)).isCloseTo(((Number) expected.get(1)).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat((Double) dist.get(2)).isEqualTo(((Number) expected.get(2)).doubleValue());
        }
    }

    /** Columns that count participants or records (concepts and questions are not rounded). */
    static final List<String> COUNT_COLUMNS = List.of("participants", "core_participants", "records", "count_value");

    @Test
    void everyPublishedCountOfParticipantsOrRecords_isZeroOrAMultipleOf20_atLeast20_andAtLeastTheTrueCount()
            throws Exception {
        int checked = 0;
        try (Stream<Path> files = Files.list(release.resolve("snapshot"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                for (String col : columns(f)) {
                    if (!COUNT_COLUMNS.contains(col)) {
                        continue;
                    }
                    String pub = "'" + f + "'";
                    String tru = "'" + raw.resolve(f.getFileName()) + "'";
                    assertThat(duck.count("select count(*) from " + pub + " where " + col + " % " + CELL + " <> 0 or "
                            + col + " < 0")).as(f.getFileName() + "." + col + " multiples of " + CELL).isZero();
                    assertThat(duck.count("select count(*) from " + pub + " p positional join " + tru + " r where p."
                            + col + " < r." + col + " or (r." + col + " > 0 and p." + col + " < " + CELL + ") or (r." + col
                            + " = 0) <> (p." + col + " = 0)")).as(f.getFileName() + "." + col + " vs true counts").isZero();
                    checked += (int) duck.count("select count(*) from " + pub);
                }
                for (String exact : List.of("concepts", "questions")) {
                    if (columns(f).contains(exact)) {
                        assertThat(duck.count("select count(*) from '" + f + "' p positional join '" + raw.resolve(
                                f.getFileName()) + "' r where p." + exact + " <> r." + exact)).as(exact + " not rounded")
                                .isZero();
                    }
                }
                JsonNode json = WorkLayout.JSON.readTree(f.resolveSibling(f.getFileName().toString()
                        .replace(".parquet", ".json")).toFile());
                for (JsonNode row : json.get("rows")) {
                    for (String col : COUNT_COLUMNS) {
                        if (row.has(col)) {
                            long v = row.get(col).asLong();
                            assertThat(v == 0 || (v >= CELL && v % CELL == 0)).as(f.getFileName() + " json " + col + " " + v)
                                    .isTrue();
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static List<String> columns(Path parquet) {
        return duck.rows("select column_name from (describe select * from '" + parquet + "')").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    @Test
    void nestedPublishedCounts_neverRevealASmallComplementBySubtraction() {
        List<long[]> pairs = new ArrayList<>(); // {true parent, published parent, true child, published child}
        Map<String, long[]> types = counts("data_types", "data_type", "participants");
        Map<String, long[]> combos = counts("data_type_combinations", "combination", "participants");
        for (String t : List.of("surveys", "ehr", "physical_measurements", "fitbit", "biospecimens")) {
            pair(pairs, types.get("all"), types.get(t));
            combos.forEach((c, v) -> {
                if (List.of(c.split("\\+")).contains(t)) {
                    pair(pairs, types.get(t), v);
                }
            });
        }
        counts("demographics", "category, concept_id, label", "participants").values()
                .forEach(v -> pair(pairs, types.get("all"), v));
        Map<String, long[]> domains = counts("domains", "domain", "participants");
        counts("concepts", "domain, concept_id", "participants").forEach((k, v) ->
                pair(pairs, domains.get(k.substring(0, k.indexOf('/'))), v));
        Map<String, long[]> modules = counts("survey_modules", "module_concept_id", "participants");
        Map<String, long[]> questions = counts("survey_questions", "module_concept_id, question_concept_id",
                "participants");
        questions.forEach((k, v) -> pair(pairs, modules.get(k.substring(0, k.indexOf('/'))), v));
        counts("survey_answers", "module_concept_id, question_concept_id, answer_concept_id, answer_name", "participants")
                .forEach((k, v) -> pair(pairs, questions.get(k.substring(0, k.indexOf('/', k.indexOf('/') + 1))), v));
        assertThat(pairs).hasSizeGreaterThan(400);
        long protectedPairs = 0;
        for (long[] p : pairs) {
            long shown = p[1] - p[3];
            long complement = p[0] - p[2];
            assertThat(shown).as("published %d - %d for true %d - %d", p[1], p[3], p[0], p[2])
                    .isGreaterThanOrEqualTo(round(complement));
            if (complement > 0 && round(p[0]) == round(p[2])) {
                protectedPairs++; // rounded on their own, this pair would have shown a difference of 0
            }
        }
        assertThat(protectedPairs).as("pairs where rounding each count alone would hide a small complement")
                .isPositive();
    }

    private static void pair(List<long[]> pairs, long[] parent, long[] child) {
        pairs.add(new long[] {parent[0], parent[1], child[0], child[1]});
    }

    @Test
    void release_listsTheSnapshotInItsManifest_andKeepsTheTrueCountsInTheWorkDirectory() throws Exception {
        JsonNode manifest = WorkLayout.JSON.readTree(release.resolve("manifest.json").toFile());
        List<String> files = new ArrayList<>();
        manifest.get("snapshot_files").forEach(f -> files.add(f.get("path").asText()));
        assertThat(files).contains("snapshot/index.html", "snapshot/enrollment.parquet", "snapshot/enrollment.json",
                "snapshot/achilles_results.parquet", "snapshot/achilles_results_dist.json", "snapshot/survey_answers.json",
                "snapshot/concepts.parquet").hasSize(23);
        try (Stream<Path> all = Files.walk(release)) {
            assertThat(all.map(p -> release.relativize(p).toString())).noneMatch(p -> p.contains("raw"));
        }
        assertThat(WorkLayout.JSON.readTree(raw.resolve("data_types.json").toFile()).get("counts").asText())
                .startsWith("true counts");
        assertThat(WorkLayout.JSON.readTree(release.resolve("snapshot/data_types.json").toFile()).get("counts").asText())
                .startsWith("disseminated");
        assertThat(duck.count("select count(*) from " + published("enrollment"))).isGreaterThan(12);
    }

    @Test
    void fitbitParticipants_areCountedFromQasScan_withoutSnapshotUnitsOfTheirOwn() throws Exception {
        Path work = tmp.resolve("work/v1/snapshot");
        String[] counted = WorkLayout.readJson(work.resolve("facts/controlled.counted-with-qa.json"), String[].class);
        assertThat(counted).contains("steps_intraday", "heart_rate_minute_level", "sleep_level");
        try (Stream<Path> units = Files.list(work.resolve("units"))) {
            assertThat(units.map(p -> p.getFileName().toString())).isNotEmpty()
                    .noneMatch(n -> n.contains("steps_intraday") || n.contains("heart_rate_minute_level"));
        }
        // and the counts agree with the published Fitbit rows (the data-type test compares them with DuckDB)
        JsonNode facts = WorkLayout.JSON.readTree(work.resolve("facts/controlled.steps_intraday.json").toFile());
        assertThat(facts.get("rows").asLong()).isEqualTo(
                duck.count("select count(*) from '" + release.resolve("wearables/steps_intraday") + "/*.parquet'"));
    }

    @Test
    void page_opensInHeadlessChromium_showsItsSections_andIsSelfContained() throws Exception {
        Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null,
                "headless Chromium not installed (scripts/services.sh start chromium); page test skipped");
        Path page = release.resolve("snapshot/index.html");
        String html = Files.readString(page);
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script")
                .doesNotContain("@import").contains("<svg");
        String dom = chromium(chromium, "--dump-dom", page);
        long participants = duck.count("select participants from " + published("data_types") + " where data_type = 'all'");
        assertThat(dom).contains("Data snapshot", "Enrollment over time", "Participants by data type",
                "Combinations of data types", "Demographics", "Top concepts per EHR domain", "Data Browser: EHR domains",
                "Survey Explorer", "The Basics", "Essential hypertension", String.format("%,d", participants));
        java.util.regex.Matcher tiles = java.util.regex.Pattern.compile("<div class=\"big\">([0-9,]+)</div>").matcher(html);
        int shown = 0;
        while (tiles.find()) {
            long v = Long.parseLong(tiles.group(1).replace(",", ""));
            assertThat(v == 0 || (v >= CELL && v % CELL == 0)).as("tile " + v).isTrue();
            shown++;
        }
        assertThat(shown).isEqualTo(6);
        Path shot = Path.of("target").toAbsolutePath().resolve("snapshot-page.png");
        Files.deleteIfExists(shot);
        chromium(chromium, "--screenshot=" + shot, page);
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    private static String chromium(Path binary, String mode, Path page) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1400,1000", mode, page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
