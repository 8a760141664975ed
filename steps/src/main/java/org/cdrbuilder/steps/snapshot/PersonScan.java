package org.cdrbuilder.steps.snapshot;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.registry.Registry;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.common.ReferenceData;
import org.roaringbitmap.RoaringBitmap;

/**
 * Demographics of a tier's participants (person, person_ext) and the facts only the registry holds: month of primary
 * consent, month of completing the initial steps (core participant date) and whether a biospecimen was collected
 * (biospecimen date), each up to the cutoff date. A tier's person ids are research ids: the privacy mapping store
 * names the registry participant behind each; a person the registry does not know stops the snapshot rather than
 * silently leaving it out of enrollment counts.
 */
final class PersonScan {
    private PersonScan() {
    }

    static ScanFacts.Persons run(BuildContext ctx, String tier) {
        PersonIndex persons = PersonIndex.of(ctx, tier);
        ReleaseCandidate candidate = ReleaseCandidate.forTier(ctx.layout(), tier);
        ScanFacts.Persons f = new ScanFacts.Persons();
        f.persons = persons.size();
        f.rows = persons.size();
        TableDef person = ctx.schema().table("person");
        int gender = person.indexOf("gender_concept_id");
        int race = person.indexOf("race_concept_id");
        int ethnicity = person.indexOf("ethnicity_concept_id");
        RowParquetReader.forEach(candidate.parts("person"), person,
                Set.of("person_id", "gender_concept_id", "race_concept_id", "ethnicity_concept_id"), r -> {
                    count(f.gender, r.getIntOrZero(gender));
                    count(f.race, r.getIntOrZero(race));
                    count(f.ethnicity, r.getIntOrZero(ethnicity));
                });
        for (int i = 0; i < persons.size(); i++) {
            count(f.yearOfBirth, persons.yearOfBirth(i));
        }
        int[] state = new int[persons.size()];
        TableDef ext = ctx.schema().table("person_ext");
        int stateColumn = ext.indexOf("state_of_residence_concept_id");
        RowParquetReader.forEach(candidate.parts("person_ext"), ext, Set.of("person_id", "state_of_residence_concept_id"),
                r -> {
                    int p = persons.indexOf(r.getLong(0));
                    if (p >= 0) {
                        state[p] = r.getIntOrZero(stateColumn);
                    }
                });
        for (int s : state) {
            count(f.state, s);
        }
        // the tier's person ids are research ids: the mapping store names the participant behind each
        org.cdrbuilder.core.privacy.ParticipantKeys keys = org.cdrbuilder.steps.privacy.PrivacyStage.keys(ctx);
        registryFacts(f, persons, ReferenceData.registry(ctx), keys::participant, ctx.settings().cutoffDate(), tier);
        return f;
    }

    static void registryFacts(ScanFacts.Persons f, PersonIndex persons, Registry registry, LocalDate cutoff,
                              String tier) {
        registryFacts(f, persons, registry, id -> id, cutoff, tier);
    }

    /** @param participantOf the registry participant of a person id of the tier (research id), or -1 */
    static void registryFacts(ScanFacts.Persons f, PersonIndex persons, Registry registry,
                              java.util.function.LongUnaryOperator participantOf, LocalDate cutoff, String tier) {
        RoaringBitmap biospecimens = new RoaringBitmap();
        for (int i = 0; i < persons.size(); i++) {
            long number = participantOf.applyAsLong(persons.personId(i));
            Participant p = number < 0 ? null : registry.get(number);
            if (p == null) {
                throw new IllegalStateException("person_id " + persons.personId(i) + " of tier " + tier
                        + " is not the research id of a registry participant: enrollment and biospecimen counts need "
                        + "the participant of every person");
            }
            if (upTo(p.primaryConsentDate(), cutoff)) {
                count(f.enrolled, month(p.primaryConsentDate()));
            }
            if (upTo(p.coreParticipantDate(), cutoff)) {
                count(f.completedInitialSteps, month(p.coreParticipantDate()));
            }
            if (upTo(p.biospecimenDate(), cutoff)) {
                biospecimens.add(i);
            }
        }
        f.biospecimens = PersonSets.encode(biospecimens);
    }

    private static boolean upTo(LocalDate date, LocalDate cutoff) {
        return date != null && !date.isAfter(cutoff);
    }

    static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    private static <K> void count(Map<K, Long> counts, K key) {
        counts.merge(key, 1L, Long::sum);
    }
}
