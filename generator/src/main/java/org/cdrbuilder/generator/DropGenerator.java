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
            List<EhrSite> sites = new ArrayList<>();
            for (int i = 0; i < settings.sites(); i++) {
                sites.add(new EhrSite(drop, SiteNames.ALL.get(i), i, SUBMISSION));
            }
            supersededSubmission(drop, sites.get(0).name);
            EhrHistory ehr = new EhrHistory(clinical, settings, planted);
            SurveyCatalog surveyCatalog = SurveyCatalog.load();
            FitbitWriter fitbit = new FitbitWriter(drop, settings, planted);
            try (Writer registry = Files.newBufferedWriter(drop.resolve("participants/participants.csv"), StandardCharsets.UTF_8);
                 SurveyWriter surveys = new SurveyWriter(surveyCatalog, drop, planted);
                 PmWriter pm = new PmWriter(drop, planted)) {
                Csv.raw(registry, REGISTRY_HEADER);
                for (int i = 0; i < settings.participants(); i++) {
                    SyntheticPerson p = new SyntheticPerson(i, settings);
                    writeRegistryRow(registry, p, planted);
                    if (p.kind != SyntheticPerson.Kind.NO_PRIMARY_CONSENT) {
                        SplittableRandom pp = p.participantProvided();
                        surveys.write(p, removal(p), pp);
                        pm.write(p, removal(p), pp);
                        fitbit.write(p, removal(p), pp);
                    }
                    if (p.hasEhr()) {
                        SplittableRandom r = p.history();
                        String removal = removal(p);
                        ehr.write(sites.get(p.site), p.number, p, removal, r, 5.0, true);
                        if (p.secondSite >= 0) {
                            ehr.write(sites.get(p.secondSite), p.number, p, removal, r, 1.5, false);
                        }
                    }
                }
            }
            // sites also send data of people who are not (or no longer) in the registry
            long ghosts = Math.round(settings.participants() * settings.dirt().unregisteredPerson());
            for (int g = 0; g < ghosts; g++) {
                SyntheticPerson p = new SyntheticPerson(settings.participants() + g, settings);
                ehr.write(sites.get(g % sites.size()), 900_000_000L + g, p, EhrHistory.CLEAN
                        + "participant_not_in_registry", p.history(), 2.0, false);
                planted.participant("unregistered_with_ehr");
            }
            for (EhrSite s : sites) {
                s.close();
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            json.writeValue(out.resolve("planted.json").toFile(), planted);
            return planted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate into " + out, e);
        }
    }

    private static String removal(SyntheticPerson p) {
        return switch (p.kind) {
            case CLEAN -> null;
            case WITHDRAWN -> EhrHistory.CLEAN + "withdrawn_participants";
            case NO_PRIMARY_CONSENT -> EhrHistory.CLEAN + "no_primary_consent";
        };
    }

    private void writeRegistryRow(Writer w, SyntheticPerson p, Planted planted) {
        boolean consented = p.kind != SyntheticPerson.Kind.NO_PRIMARY_CONSENT;
        Csv.row(w, p.participantId(), p.first, p.last, p.email, p.phone, p.street, p.zip, p.state, p.birthDate,
                consented ? p.consentDate : null, p.ehrConsent ? "yes" : "no", p.ehrConsent ? p.consentDate : null,
                p.withdrawalDate, null, SiteNames.ALL.get(p.site), p.status, p.coreDate,
                p.coreDate == null ? null : p.coreDate.plusDays(7));
        planted.generated("person");
        planted.participant(p.kind.name().toLowerCase());
        String removal = removal(p);
        if (removal != null) {
            planted.removed(removal, "person");
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
