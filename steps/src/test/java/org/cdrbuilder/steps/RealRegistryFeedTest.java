package org.cdrbuilder.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.privacy.ParticipantKeys;
import org.cdrbuilder.core.privacy.PrivacyKey;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.core.testing.Duck;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.steps.ingest.ProductConcepts;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public Eunomia Synthea27Nj OMOP CDM feed (written by OHDSI, not by this project) as one site, with a
 * participant registry written the way the program's participant system exports it: states as {@code PIIState_NJ}
 * codes in mixed case and with blanks, ZIP codes that lost their leading zero in a spreadsheet, enrollment statuses
 * in the participant system's words, and garbage in fields that do not decide who may be published. Both tiers must
 * publish with no override, and the published persons must be exactly the eligible registry participants,
 * computed here independently of the pipeline. Events are planted on birth dates and at the participant's own date
 * shift after birth (a shifted date that lands on the birth date by coincidence).
 */
class RealRegistryFeedTest {
    @TempDir
    static Path tmp;
    static Path releases;
    static final LocalDate CUTOFF = LocalDate.of(2026, 10, 1);
    static final LocalDate CONSENT = LocalDate.of(2018, 1, 1);
    /** Participant number to date of birth, as the registry says. */
    static final Map<Long, LocalDate> BIRTH = new TreeMap<>();
    static final Set<Long> WITHDRAWN = Set.of(3L, 12L);
    static final Set<Long> NO_CONSENT = Set.of(9L);
    static final Set<Long> eligible = new TreeSet<>();
    /** Persons (eligible) with a measurement planted on their birth date. */
    static final List<Long> bornEvent = new ArrayList<>();
    static int badZips;
    static int badStatuses;
    static int badPhones;
    static int sourceBirthDateEvents;
    /** An observation concept of Eunomia's vocabulary (LOINC 67875-5). */
    static final String OBSERVED = "40770471";

    @BeforeAll
    static void build() throws Exception {
        Path testdata = TestFiles.sharedTestdata();
        Assumptions.assumeTrue(testdata != null, "SKIPPED: ../shared/testdata is not present; real-feed tests need it");
        Path eunomia = testdata.resolve("eunomia-synthea27nj/omop_csv");
        Path drop = tmp.resolve("drop");
        Path site = drop.resolve("ehr/hpo_synthea/2024-03-01-v1");
        Files.createDirectories(site);
        try (Stream<Path> files = Files.list(eunomia)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase();
                if (List.of("person.csv", "visit_occurrence.csv", "condition_occurrence.csv", "drug_exposure.csv",
                        "procedure_occurrence.csv", "measurement.csv", "observation.csv", "death.csv",
                        "device_exposure.csv", "provider.csv", "care_site.csv", "location.csv", "note.csv").contains(name)) {
                    Files.copy(f, site.resolve(name));
                }
            }
        }
        for (String line : Files.readAllLines(eunomia.resolve("PERSON.csv")).subList(1, 29)) {
            String[] f = line.split(",", -1);
            BIRTH.put(Long.parseLong(f[0]), LocalDate.of(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        // the registry, in the participant system's conventions
        String[] states = {"PIIState_NJ", "piistate_ny", " NJ ", "nj", "PIIState_PA", "PIIState_NJ "};
        String[] zips = {"08540", "8540", "08540-1234", "0854O", "07102"};
        String[] statuses = {"CORE_PARTICIPANT", "core_participant", "MEMBER", "FULL_PARTICIPANT", "Unknown"};
        String[] consents = {"yes", "Yes", "ConsentPermission_Yes", " YES"};
        List<String> registry = new ArrayList<>();
        registry.add(MiniDrop.REGISTRY_HEADER);
        int i = 0;
        for (Map.Entry<Long, LocalDate> p : BIRTH.entrySet()) {
            long n = p.getKey();
            String zip = zips[i % zips.length];
            String status = statuses[i % statuses.length];
            String phone = i % 7 == 3 ? "call me maybe and ask for the long-distance operator then wait for the tone" : "555-01" + n;
            badZips += zip.equals("0854O") ? 1 : 0;
            badStatuses += status.equals("Unknown") ? 1 : 0;
            badPhones += phone.length() > 50 ? 1 : 0;
            String consent = NO_CONSENT.contains(n) ? "" : CONSENT.toString();
            registry.add(String.join(",", "P" + n, "First" + n, "Last" + n, "p" + n + "@example.org", phone,
                    "1 Road", zip, states[i % states.length], p.getValue().toString(), consent,
                    consents[i % consents.length], consent, WITHDRAWN.contains(n) ? "2020-02-02" : "", "",
                    "hpo_synthea", status, i % 4 == 0 ? "not a date" : "2018-02-01", ""));
            i++;
            // who may be published, decided here without the pipeline
            if (!NO_CONSENT.contains(n) && !WITHDRAWN.contains(n) && Period.between(p.getValue(), CONSENT).getYears() >= 18) {
                eligible.add(n);
            }
        }
        TestFiles.write(drop.resolve("participants/participants.csv"), registry);
        // events on the birth date and at the participant's own shift after birth (which the registered tier shifts
        // back onto the birth date), for eligible persons born after the EHR floor year
        PrivacyKey key = PrivacyKey.load(TestFiles.repoRoot().resolve("sample-data/privacy-dev.key"));
        ParticipantKeys keys = ParticipantKeys.open(tmp.resolve("keys-preview"), key, 364);
        keys.assign(BIRTH.keySet().stream().mapToLong(Long::longValue).toArray(), "v1");
        List<Map<String, String>> measurements = new ArrayList<>();
        List<Map<String, String>> observations = new ArrayList<>();
        long id = 900_000_000_001L; // sparse ids above 2^31, as real feeds have
        for (long n : eligible) {
            LocalDate b = BIRTH.get(n);
            if (b.getYear() <= 1980) {
                continue;
            }
            bornEvent.add(n);
            measurements.add(Map.of("measurement_id", Long.toString(id++), "person_id", Long.toString(n),
                    "measurement_concept_id", "3025315", "measurement_date", b.toString(),
                    "measurement_datetime", b + " 08:00:00.000000 UTC", "measurement_type_concept_id", "38000267",
                    "value_as_number", "3.4", "unit_concept_id", "9529", "measurement_source_value", "29463-7",
                    "unit_source_value", "kg"));
            LocalDate coincidence = b.plusDays(keys.shiftDays(n));
            observations.add(Map.of("observation_id", Long.toString(id++ * 7), "person_id", Long.toString(n),
                    "observation_concept_id", OBSERVED, "observation_date", coincidence.toString(),
                    "observation_datetime", coincidence + "T09:00:00Z", "observation_type_concept_id", "38000280",
                    "observation_source_value", "67875-5"));
        }
        appendRows(site.resolve("measurement.csv"), measurements);
        appendRows(site.resolve("observation.csv"), observations);
        sourceBirthDateEvents = countBirthDateEvents(site, eligible);
        Path vocab = tmp.resolve("vocab");
        Files.createDirectories(vocab);
        for (String f : List.of("CONCEPT.csv", "CONCEPT_RELATIONSHIP.csv.gz", "VOCABULARY.csv", "DOMAIN.csv",
                "CONCEPT_CLASS.csv", "RELATIONSHIP.csv", "CONCEPT_ANCESTOR.csv", "CONCEPT_SYNONYM.csv")) {
            Files.copy(eunomia.resolve(f), vocab.resolve(f));
        }
        BuildContext ctx = new BuildContext(TestSettings.of(tmp, drop, vocab, "v1",
                List.of("tiers: [registered, controlled]")));
        new LocalStageRunner(ctx).run(Pipeline.stages(ctx.settings()).toArray(new Stage[0]));
        releases = tmp.resolve("releases/v1");
    }

    /** Appends rows given by column name, in the order of the file's own header. */
    private static void appendRows(Path file, List<Map<String, String>> rows) throws IOException {
        List<String> header = List.of(Files.readAllLines(file).get(0).split(",", -1));
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> r : rows) {
            assertThat(header).containsAll(r.keySet());
            sb.append(String.join(",", header.stream().map(c -> r.getOrDefault(c, "")).toList())).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardOpenOption.APPEND);
    }

    /** Rows of eligible persons dated on their birth date (measurement_date, observation_date, visit_start_date ...). */
    private static int countBirthDateEvents(Path site, Set<Long> persons) throws IOException {
        int n = 0;
        for (String[] t : new String[][] {{"measurement.csv", "measurement_date"}, {"observation.csv", "observation_date"},
                {"visit_occurrence.csv", "visit_start_date"}, {"procedure_occurrence.csv", "procedure_date"},
                {"condition_occurrence.csv", "condition_start_date"}, {"drug_exposure.csv", "drug_exposure_start_date"}}) {
            List<String> lines = Files.readAllLines(site.resolve(t[0]));
            List<String> header = List.of(lines.get(0).split(","));
            int person = header.indexOf("person_id");
            int date = header.indexOf(t[1]);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                long p = Long.parseLong(f[person]);
                if (persons.contains(p) && f[date].startsWith(BIRTH.get(p).toString())) {
                    n++;
                }
            }
        }
        return n;
    }

    private static JsonNode json(Path p) throws IOException {
        return WorkLayout.JSON.readTree(p.toFile());
    }

    @Test
    void bothTiersArePublished_withoutOverride_andTheGatePassed() throws IOException {
        for (String tier : List.of("registered", "controlled")) {
            JsonNode manifest = json(releases.resolve(tier).resolve("manifest.json"));
            assertThat(manifest.has("accepted_failed_qa")).as(tier + " needs no override").isFalse();
            JsonNode report = json(releases.resolve(tier).resolve("qa/report.json"));
            assertThat(report.at("/Gate/status").asText()).isEqualTo("passed");
            assertThat(json(releases.resolve(tier).resolve("qa/privacy-audit.json")).path("passed").asBoolean()).isTrue();
        }
    }

    @Test
    void publishedPersons_areExactlyTheEligibleRegistryParticipants() {
        assertThat(eligible).hasSizeBetween(15, 24); // children at consent, withdrawn and unconsented are not
        try (Duck duck = new Duck()) {
            for (String tier : List.of("registered", "controlled")) {
                List<Long> persons = duck.rows("select person_id from "
                        + Duck.withParticipantNumbers(releases.resolve(tier).resolve("omop/person"), tmp.resolve("private"))
                        + " order by 1").stream().map(r -> ((Number) r.get(0)).longValue()).toList();
                assertThat(persons).as(tier).containsExactlyElementsOf(eligible);
            }
        }
    }

    @Test
    void registryValuesInTheParticipantSystemsConventions_areRead_andBadOnesDroppedAndReported() throws IOException {
        JsonNode v = json(releases.resolve("controlled/qa/input-validation.json"));
        JsonNode registry = null;
        for (JsonNode s : v.get("sources")) {
            if (s.get("kind").asText().equals("registry")) {
                registry = s.get("files").get(0);
            }
        }
        assertThat(registry).isNotNull();
        assertThat(registry.get("rowsRead").asLong()).isEqualTo(28);
        assertThat(registry.get("rowsQuarantined").asLong()).as("no participant lost to a non-deciding field").isZero();
        JsonNode dropped = registry.get("valuesDropped");
        assertThat(dropped.path("zip_code: not a ZIP code (5 digits, or ZIP+4)").asLong()).isEqualTo(badZips);
        assertThat(dropped.path("phone: longer than 50 characters (75)").asLong()).isEqualTo(badPhones);
        assertThat(dropped.path("core_participant_date: not a date (expected YYYY-MM-DD or YYYYMMDD)").asLong()).isEqualTo(7);
        assertThat(dropped.fieldNames()).toIterable().anyMatch(f -> f.startsWith("enrollment_status: not an enrollment status"));
        assertThat(dropped.size()).isEqualTo(4); // states, consents and statuses in the system's codes are read
        for (JsonNode e : registry.get("valuesDroppedExamples")) {
            assertThat(e.get("line").asLong()).isBetween(2L, 29L);
            assertThat(e.get("field").asText()).isNotBlank();
        }
        assertThat(v.toString()).doesNotContain("0854O").doesNotContain("call me maybe");
    }

    @Test
    void theProductsOwnConcepts_areAddedToTheVocabulary_andNoForeignKeyCheckFails() throws IOException {
        Set<Integer> eunomiaConcepts = new TreeSet<>();
        for (String line : Files.readAllLines(tmp.resolve("vocab/CONCEPT.csv")).subList(1, 2295)) {
            eunomiaConcepts.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
        }
        List<Integer> missing = ProductConcepts.ids(TestFiles.repoRoot().resolve("config/vocabulary")).stream()
                .filter(c -> !eunomiaConcepts.contains(c)).sorted().toList();
        assertThat(missing).contains(44814724, 45905771, 44818701, 8507, 8532, 2000000001);
        for (String tier : List.of("registered", "controlled")) {
            Ledger ledger = WorkLayout.readJson(releases.resolve(tier).resolve("qa/ledger.json"), Ledger.class);
            assertThat(ledger.tables.get("concept").createdBy)
                    .containsExactly(Map.entry("vocabulary/product_concepts_added", (long) missing.size()));
            assertThat(ledger.tables.get("concept").published).isEqualTo(2294 + missing.size());
            JsonNode manifest = json(releases.resolve(tier).resolve("manifest.json"));
            List<Integer> listed = new ArrayList<>();
            manifest.get("product_concepts_added").forEach(n -> listed.add(n.asInt()));
            assertThat(listed).containsExactlyElementsOf(missing);
            JsonNode report = json(releases.resolve(tier).resolve("qa/report.json"));
            int fkChecks = 0;
            for (JsonNode c : report.get("CheckResults")) {
                if (c.get("checkName").asText().equals("isForeignKey")) {
                    fkChecks++;
                    assertThat(c.get("failed").asInt()).as(tier + " " + c.get("checkId").asText()).isZero();
                    assertThat(c.get("isError").asInt()).isZero();
                }
            }
            assertThat(fkChecks).isGreaterThan(20);
        }
        try (Duck duck = new Duck()) {
            assertThat(duck.rows("select concept_name, domain_id, vocabulary_id, concept_class_id from '"
                    + releases.resolve("controlled/omop/concept") + "/*.parquet' where concept_id = 44814724"))
                    .containsExactly(List.of("Period covering healthcare encounters", "Type Concept", "Obs Period Type",
                            "Obs Period Type"));
        }
    }

    @Test
    void controlledTier_suppressesEventsOnTheBirthDate_byItsNamedRule() throws IOException {
        assertThat(bornEvent).isNotEmpty();
        Ledger ledger = WorkLayout.readJson(releases.resolve("controlled/qa/ledger.json"), Ledger.class);
        long removed = ledger.tables.values().stream()
                .mapToLong(e -> e.removed.getOrDefault("privacy/birth_date_events_suppressed", 0L)).sum();
        assertThat(removed).isEqualTo(sourceBirthDateEvents);
        assertThat(sourceBirthDateEvents).isGreaterThanOrEqualTo(bornEvent.size());
        try (Duck duck = new Duck()) {
            String m = Duck.withParticipantNumbers(releases.resolve("controlled/omop/measurement"), tmp.resolve("private"));
            for (long n : bornEvent) {
                assertThat(duck.count("select count(*) from " + m + " where person_id = " + n
                        + " and measurement_date = date '" + BIRTH.get(n) + "'")).as("participant " + n).isZero();
            }
            // the observation period no longer starts on the birth date either
            String op = Duck.withParticipantNumbers(releases.resolve("controlled/omop/observation_period"), tmp.resolve("private"));
            for (long n : bornEvent) {
                assertThat(duck.count("select count(*) from " + op + " where person_id = " + n
                        + " and observation_period_start_date <= date '" + BIRTH.get(n) + "'")).isZero();
            }
        }
        assertThat(json(releases.resolve("controlled/qa/privacy-audit.json")).toString()).contains("birth_date_year_only");
    }

    @Test
    void registeredTier_publishesAShiftedDateThatFallsOnTheBirthDate_andItsAuditPasses() throws IOException {
        try (Duck duck = new Duck()) {
            String o = Duck.withParticipantNumbers(releases.resolve("registered/omop/observation"), tmp.resolve("private"));
            for (long n : bornEvent) {
                assertThat(duck.count("select count(*) from " + o + " where person_id = " + n
                        + " and observation_concept_id = " + OBSERVED + " and observation_date = date '" + BIRTH.get(n) + "'"))
                        .as("participant " + n + ": event at shift days after birth, shifted onto the birth date").isOne();
            }
        }
        JsonNode audit = json(releases.resolve("registered/qa/privacy-audit.json"));
        for (JsonNode c : audit.get("checks")) {
            if (c.get("id").asText().equals("birth_date_year_only") || c.get("id").asText().equals("dates_shifted")) {
                assertThat(c.get("status").asText()).isEqualTo("passed");
                assertThat(c.get("findings").asLong()).isZero();
            }
        }
    }
}
