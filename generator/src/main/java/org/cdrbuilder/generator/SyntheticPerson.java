package org.cdrbuilder.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * One synthetic participant, derived only from (seed, index) so that participants can be generated one at a time,
 * in any order, always identically.
 *
 * <p>Planted problems: withdrawn and unconsented participants are drawn at their rates; the other participant-level
 * problems, and the row-level problems of clean participants, are placed on fixed index slots (every
 * {@code 1/rate}-th participant), cycling through the kinds, so that every kind appears in any drop of a few hundred
 * participants. A participant has at most one problem, and a participant with a row-level problem has the data
 * source the problem needs (EHR, The Basics, a physical-measurement session, Fitbit).
 */
final class SyntheticPerson {
    /** Participant-level planted problems; a participant has at most one. */
    enum Kind {
        CLEAN(null),
        WITHDRAWN("withdrawn_participants"),
        NO_PRIMARY_CONSENT("no_primary_consent"),
        BIRTH_YEAR_IMPLAUSIBLE("birth_year_implausible"),
        UNDER_18_AT_CONSENT("under_18_at_consent"),
        /** EHR consent is no, but the participant's site sends EHR anyway: ehr_consent_required. */
        EHR_SENT_WITHOUT_CONSENT(null),
        /** Deactivated some weeks after the primary consent: data_after_deactivation removes what came later. */
        DEACTIVATED(null);

        /** The cleaning rule that removes every row of such a participant, or null. */
        final String removedBy;

        Kind(String removedBy) {
            this.removedBy = removedBy;
        }
    }

    /** The participant-level problems placed on index slots, in turn. */
    private static final Kind[] SLOTTED = {Kind.BIRTH_YEAR_IMPLAUSIBLE, Kind.UNDER_18_AT_CONSENT,
        Kind.EHR_SENT_WITHOUT_CONSENT, Kind.DEACTIVATED};
    /** Days between the primary consent and the earliest planned death (surveys and measurements come first). */
    static final int DEATH_AFTER_CONSENT_DAYS = 200;
    /** Days a planned death leaves before the cutoff, for the events planted long after it. */
    static final int DEATH_BEFORE_CUTOFF_DAYS = 131;
    /** Per mille of participants living in the state of their site (the rest live anywhere, their state drawn). */
    static final int HOME_STATE_PER_MILLE = 850;

    final int index;
    final long number;
    /** False for a person a site sends data for but the registry does not know. */
    final boolean registered;
    final Kind kind;
    final String first;
    final String last;
    final String email;
    final String phone;
    final String street;
    final String state;
    final String zip;
    final LocalDate birthDate;
    final LocalDate consentDate;
    /** EHR consent in the registry. */
    final boolean ehrConsent;
    final LocalDate withdrawalDate;
    final LocalDate deactivationDate;
    final int site;
    final int secondSite;
    final String status;
    final LocalDate coreDate;
    final boolean male;
    final String race;
    final boolean hispanic;
    /** The row-level problem planted for this participant, or null. */
    final RowProblem problem;
    /** The plausible death date the first EHR site reports, or null. */
    final LocalDate deathDate;
    final long rngSeed;

    SyntheticPerson(int index, GeneratorSettings s) {
        this(index, s, true);
    }

    /**
     * @param registered false for a person a site sends data for but the registry does not know: no planted problems
     */
    SyntheticPerson(int index, GeneratorSettings s, boolean registered) {
        this.index = index;
        this.number = 300_000_000L + index;
        this.registered = registered;
        this.rngSeed = mix(s.seed() * 0x9E3779B97F4A7C15L + index);
        SplittableRandom r = new SplittableRandom(rngSeed);
        double k = r.nextDouble();
        GeneratorSettings.Dirt d = s.dirt();
        Kind slotted = registered ? slottedKind(index, d.participantProblem()) : null;
        Kind drawn = !registered ? Kind.CLEAN : k < d.withdrawn() ? Kind.WITHDRAWN
                : k < d.withdrawn() + d.noPrimaryConsent() ? Kind.NO_PRIMARY_CONSENT : Kind.CLEAN;
        kind = slotted != null ? slotted : drawn;
        first = Names.pick(Names.FIRST, r);
        last = Names.pick(Names.LAST, r);
        email = (first + "." + last + index + "@example.org").toLowerCase();
        phone = String.format("555-%03d-%04d", r.nextInt(1000), r.nextInt(10000));
        street = (1 + r.nextInt(9899)) + " " + Names.pick(Names.STREETS, r);
        String[] st = Names.state(r);
        int zipSuffix = r.nextInt(1000);
        // ages 18 to 90 at enrollment; consent between 2018 and 2025
        consentDate = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(365 * 7));
        LocalDate born = consentDate.minusYears(18 + r.nextInt(72)).minusDays(r.nextInt(365));
        boolean ehr = r.nextDouble() < 0.85;
        withdrawalDate = kind == Kind.WITHDRAWN ? consentDate.plusDays(30 + r.nextInt(400)) : null;
        site = r.nextInt(s.sites());
        secondSite = s.sites() > 1 && r.nextDouble() < 0.1 ? (site + 1 + r.nextInt(s.sites() - 1)) % s.sites() : -1;
        // most participants (85%) live in the state of the site they enrolled at, the others anywhere; decided by the
        // ZIP draw so that the draws after it stay as they were
        String[] home = zipSuffix < HOME_STATE_PER_MILLE ? SiteNames.home(site) : st;
        state = home[0];
        zip = home[1] + String.format("%03d", zipSuffix);
        boolean core = r.nextDouble() < 0.8;
        status = kind == Kind.NO_PRIMARY_CONSENT ? "registered" : core ? "core_participant" : "participant";
        coreDate = core && kind != Kind.NO_PRIMARY_CONSENT ? consentDate.plusDays(r.nextInt(90)) : null;
        male = r.nextBoolean();
        double rr = r.nextDouble();
        race = rr < 0.55 ? "white" : rr < 0.75 ? "black" : rr < 0.85 ? "asian" : rr < 0.9 ? "aian" : rr < 0.93 ? "nhpi"
                : rr < 0.96 ? "mena" : "multi";
        hispanic = r.nextDouble() < 0.18;
        // draws added for planted problems come last, so that the identity draws above stay as they were
        birthDate = switch (kind) {
            case BIRTH_YEAR_IMPLAUSIBLE -> LocalDate.of(1880 + r.nextInt(19), 1 + r.nextInt(12), 1 + r.nextInt(28));
            case UNDER_18_AT_CONSENT -> consentDate.minusYears(16).minusDays(r.nextInt(700));
            default -> born;
        };
        deactivationDate = kind == Kind.DEACTIVATED ? consentDate.plusDays(30 + r.nextInt(90)) : null;
        LocalDate[] deathWindow = deathWindow(s.cutoff());
        RowProblem p = kind == Kind.CLEAN && registered ? slottedProblem(index, d.rowProblem(), deathWindow != null)
                : null;
        problem = p;
        boolean naturalDeath = r.nextDouble() < 0.01;
        long windowDay = r.nextLong();
        ehrConsent = kind != Kind.EHR_SENT_WITHOUT_CONSENT && (ehr || (p != null && p.source == RowProblem.Source.EHR));
        // a participant with a planted problem dies only when the problem needs it: a death would catch its rows first
        boolean dies = deathWindow != null && kind == Kind.CLEAN && ehrConsent
                && (p == null ? naturalDeath : p.needsDeath());
        deathDate = dies ? deathWindow[0].plusDays(Math.floorMod(windowDay,
                deathWindow[1].toEpochDay() - deathWindow[0].toEpochDay() + 1)) : null;
    }

    private static Kind slottedKind(int index, double rate) {
        int period = period(rate);
        if (period == 0 || index % period != period / 3) {
            return null;
        }
        return SLOTTED[(index / period) % SLOTTED.length];
    }

    /** The problem of a row-problem slot: the slot's turn, or the next kind that can be planted for this person. */
    private RowProblem slottedProblem(int index, double rate, boolean canDie) {
        int period = period(rate);
        if (period == 0 || index % period != period - 2) {
            return null;
        }
        RowProblem[] all = RowProblem.values();
        int turn = (index / period) % all.length;
        for (int i = 0; i < all.length; i++) {
            RowProblem p = all[(turn + i) % all.length];
            if (p.plantableFor(birthDate, canDie)) {
                return p;
            }
        }
        return null;
    }

    /** Every how many participants a slotted problem is planted (0: never). */
    private static int period(double rate) {
        return rate <= 0 ? 0 : (int) Math.max(2, Math.round(1 / rate));
    }

    /** The days a planned death may fall on, or null when none fits before the cutoff. */
    private LocalDate[] deathWindow(LocalDate cutoff) {
        LocalDate from = consentDate.plusDays(DEATH_AFTER_CONSENT_DAYS);
        LocalDate programStart = LocalDate.of(2017, 1, 1);
        if (from.isBefore(programStart)) {
            from = programStart;
        }
        LocalDate to = cutoff.minusDays(DEATH_BEFORE_CUTOFF_DAYS);
        return from.isAfter(to) ? null : new LocalDate[] {from, to};
    }

    /** The participant's own random stream for its clinical history (independent of the identity draws). */
    SplittableRandom history() {
        return new SplittableRandom(mix(rngSeed ^ 0x5DEECE66DL));
    }

    /** The random stream of the participant's surveys, measurements and wearable data. */
    SplittableRandom participantProvided() {
        return new SplittableRandom(mix(rngSeed ^ 0x2545F4914F6CDD1DL));
    }

    /** Whether a site sends EHR for the participant (with or without the participant's EHR consent). */
    boolean hasEhr() {
        return ehrConsent || kind == Kind.EHR_SENT_WITHOUT_CONSENT;
    }

    boolean hasPrimaryConsent() {
        return kind != Kind.NO_PRIMARY_CONSENT;
    }

    /** Whether row-level dirt (malformed rows, unmapped codes...) is planted in the person's EHR rows. */
    boolean getsRowDirt() {
        return registered && kind == Kind.CLEAN;
    }

    /** Whether the participant's planted row-level problem needs the given source. */
    boolean needs(RowProblem.Source source) {
        return problem != null && problem.source == source;
    }

    String participantId() {
        return "P" + number;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
