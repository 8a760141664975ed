package org.cdrbuilder.generator;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a realistic raw drop: {@code <out>/drop/} (participant registry, surveys, physical measurements, Fitbit,
 * EHR submissions of several sites) and
 * {@code <out>/vocabulary/} (a real Athena vocabulary subset covering every code used), plus
 * {@code <out>/planted.json} describing the planted problems and what a correct build does with them.
 * Deterministic for a seed; streams participants one at a time, so memory does not grow with the drop.
 */
public final class DropGenerator {
    static final String SUBMISSION = "2026-09-15-v1";
    /** The published tables whose rows belong to a person (privacy rules change each of their rows). */
    static final List<String> PERSON_TABLES = List.of("activity_summary", "condition_occurrence", "death", "device",
            "device_exposure", "drug_exposure", "heart_rate_minute_level", "heart_rate_summary", "measurement", "note",
            "observation", "observation_period", "person", "procedure_occurrence", "sleep_daily_summary", "sleep_level",
            "steps_intraday", "survey_conduct", "visit_occurrence");
    static final String[] VOCABULARY_FILES = {"CONCEPT.csv", "CONCEPT_RELATIONSHIP.csv", "CONCEPT_ANCESTOR.csv",
        "VOCABULARY.csv", "DOMAIN.csv", "CONCEPT_CLASS.csv", "RELATIONSHIP.csv", "CONCEPT_SYNONYM.csv"};
    static final String REGISTRY_HEADER = "participant_id,first_name,last_name,email,phone,street_address,zip_code,"
            + "state,date_of_birth,primary_consent_date,ehr_consent,ehr_consent_date,withdrawal_date,deactivation_date,"
            + "hpo_site_id,enrollment_status,core_participant_date,biospecimen_date";

    private final GeneratorSettings settings;
    private final ClinicalCatalog clinical = ClinicalCatalog.load();

    public DropGenerator(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Generates into {@code out}, which must be empty or absent; returns what was planted. */
    public Planted generate(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (var s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("output directory is not empty: " + out);
                    }
                }
            }
            Path drop = out.resolve("drop");
            Files.createDirectories(drop.resolve("participants"));
            writeVocabulary(out.resolve("vocabulary"));
            Planted planted = new Planted();
            planted.settings.put("participants", settings.participants());
            planted.settings.put("seed", settings.seed());
            planted.settings.put("sites", settings.sites());
            planted.settings.put("cutoff", settings.cutoff().toString());
            planted.settings.put("dirt", settings.dirt());
            planted.settings.put("real_shapes", settings.realShapes());
            List<EhrSite> sites = new ArrayList<>();
            for (int i = 0; i < settings.sites(); i++) {
                sites.add(new EhrSite(drop, SiteNames.ALL.get(i), i, SUBMISSION, settings.realShapes()));
            }
            supersededSubmission(drop, sites.get(0).name);
            EhrHistory ehr = new EhrHistory(clinical, settings);
            SurveyCatalog surveyCatalog = SurveyCatalog.load();
            FitbitWriter fitbit = new FitbitWriter(drop, settings);
            try (Writer registry = Files.newBufferedWriter(drop.resolve("participants/participants.csv"), StandardCharsets.UTF_8);
                 SurveyWriter surveys = new SurveyWriter(surveyCatalog, drop);
                 PmWriter pm = new PmWriter(drop)) {
                Csv.raw(registry, REGISTRY_HEADER);
                for (int i = 0; i < settings.participants(); i++) {
                    SyntheticPerson p = new SyntheticPerson(i, settings);
                    ParticipantOutcome o = ParticipantOutcome.of(p, settings, planted);
                    writeRegistryRow(registry, p, o, planted, settings.realShapes());
                    if (p.hasPrimaryConsent()) {
                        SplittableRandom pp = p.participantProvided();
                        surveys.write(p, o, pp);
                        pm.write(p, o, pp);
                        fitbit.write(p, o, pp);
                    }
                    if (p.hasEhr()) {
                        SplittableRandom r = p.history();
                        ehr.write(sites.get(p.site), p.number, p, o, r, 5.0, true);
                        if (p.secondSite >= 0) {
                            // the second site knows nothing of a death the first one reports
                            ehr.write(sites.get(p.secondSite), p.number, p, o, r, 1.5, false);
                        }
                    }
                    o.finish();
                }
            }
            // sites also send data of people who are not (or no longer) in the registry
            long ghosts = Math.round(settings.participants() * settings.dirt().unregisteredPerson());
            for (int g = 0; g < ghosts; g++) {
                SyntheticPerson p = new SyntheticPerson(settings.participants() + g, settings, false);
                ParticipantOutcome o = ParticipantOutcome.unregistered(settings, planted);
                ehr.write(sites.get(g % sites.size()), 900_000_000L + g, p, o, p.history(), 2.0, false);
                o.finish();
                planted.participant("unregistered_with_ehr");
            }
            for (EhrSite s : sites) {
                s.close();
            }
            wholeTableRules(planted);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            json.writeValue(out.resolve("planted.json").toFile(), planted);
            return planted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate into " + out, e);
        }
    }

    /**
     * @param systemCodes write coded values as the participant system exports them, and ZIP codes as a spreadsheet
     *                    saves them (leading zeros lost)
     */
    private static void writeRegistryRow(Writer w, SyntheticPerson p, ParticipantOutcome o, Planted planted,
                                         boolean systemCodes) {
        String zip = systemCodes ? p.zip.replaceFirst("^0+", "") : p.zip;
        String state = systemCodes ? "PIIState_" + p.state : p.state;
        String consent = systemCodes ? (p.ehrConsent ? "ConsentPermission_Yes" : "ConsentPermission_No")
                : p.ehrConsent ? "yes" : "no";
        String status = !systemCodes ? p.status : switch (p.status) {
            case "registered" -> "REGISTERED";
            case "participant" -> "MEMBER";
            default -> "FULL_PARTICIPANT";
        };
        Csv.row(w, p.participantId(), p.first, p.last, p.email, p.phone, p.street, zip, state, p.birthDate,
                p.hasPrimaryConsent() ? p.consentDate : null, consent,
                p.ehrConsent ? p.consentDate : null, p.withdrawalDate, p.deactivationDate, SiteNames.ALL.get(p.site),
                status, p.coreDate, p.coreDate == null ? null : p.coreDate.plusDays(7));
        o.row("person", null, RowProblem.Source.REGISTRY);
        planted.participant(p.kind.name().toLowerCase(Locale.ROOT));
        if (p.problem != null) {
            planted.participant("with_" + p.problem.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Privacy rules that change every row of a kind, once the rows each tier publishes are known: research ids
     * replace every person id, the registered tier shifts every row's dates, device ids are masked.
     */
    static void wholeTableRules(Planted planted) {
        for (String tier : planted.tiers.keySet()) {
            for (String table : PERSON_TABLES) {
                long n = planted.expectedPublished(tier, table);
                planted.tierChanged(tier, ParticipantOutcome.PRIVACY + "research_ids_assigned", table, n);
                if (tier.equals(Planted.REGISTERED)) {
                    planted.tierChanged(tier, ParticipantOutcome.PRIVACY + "dates_shifted", table, n);
                }
            }
            planted.tierChanged(tier, ParticipantOutcome.PRIVACY + "fitbit_device_ids_masked", "device",
                    planted.expectedPublished(tier, "device"));
        }
    }

    /** An older submission folder of the first site: superseded by the newer one, never read. */
    private static void supersededSubmission(Path drop, String site) throws IOException {
        Path old = drop.resolve("ehr").resolve(site).resolve("2026-06-01-v1");
        Files.createDirectories(old);
        Files.writeString(old.resolve("condition_occurrence.csv"), "this submission was replaced by a later one\n");
    }

    private static void writeVocabulary(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : VOCABULARY_FILES) {
            try (InputStream in = DropGenerator.class.getResourceAsStream("vocabulary/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing vocabulary resource " + f);
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static Writer writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
