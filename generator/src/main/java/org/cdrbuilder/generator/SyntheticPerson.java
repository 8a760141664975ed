package org.cdrbuilder.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * One synthetic participant, derived only from (seed, index) so that participants can be generated one at a time,
 * in any order, always identically.
 */
final class SyntheticPerson {
    /** Participant-level planted problems; a participant has at most one. */
    enum Kind { CLEAN, WITHDRAWN, NO_PRIMARY_CONSENT }

    final int index;
    final long number;
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
    final boolean ehrConsent;
    final LocalDate withdrawalDate;
    final int site;
    final int secondSite;
    final String status;
    final LocalDate coreDate;
    final boolean male;
    final String race;
    final boolean hispanic;
    final long rngSeed;

    SyntheticPerson(int index, GeneratorSettings s) {
        this.index = index;
        this.number = 300_000_000L + index;
        this.rngSeed = mix(s.seed() * 0x9E3779B97F4A7C15L + index);
        SplittableRandom r = new SplittableRandom(rngSeed);
        double k = r.nextDouble();
        GeneratorSettings.Dirt d = s.dirt();
        kind = k < d.withdrawn() ? Kind.WITHDRAWN
                : k < d.withdrawn() + d.noPrimaryConsent() ? Kind.NO_PRIMARY_CONSENT : Kind.CLEAN;
        first = Names.pick(Names.FIRST, r);
        last = Names.pick(Names.LAST, r);
        email = (first + "." + last + index + "@example.org").toLowerCase();
        phone = String.format("555-%03d-%04d", r.nextInt(1000), r.nextInt(10000));
        street = (1 + r.nextInt(9899)) + " " + Names.pick(Names.STREETS, r);
        String[] st = Names.state(r);
        state = st[0];
        zip = st[1] + String.format("%03d", r.nextInt(1000));
        // ages 18 to 90 at enrollment; consent between 2018 and 2025
        consentDate = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(365 * 7));
        birthDate = consentDate.minusYears(18 + r.nextInt(72)).minusDays(r.nextInt(365));
        ehrConsent = r.nextDouble() < 0.85;
        withdrawalDate = kind == Kind.WITHDRAWN ? consentDate.plusDays(30 + r.nextInt(400)) : null;
        site = r.nextInt(s.sites());
        secondSite = s.sites() > 1 && r.nextDouble() < 0.1 ? (site + 1 + r.nextInt(s.sites() - 1)) % s.sites() : -1;
        boolean core = r.nextDouble() < 0.8;
        status = kind == Kind.NO_PRIMARY_CONSENT ? "registered" : core ? "core_participant" : "participant";
        coreDate = core && kind != Kind.NO_PRIMARY_CONSENT ? consentDate.plusDays(r.nextInt(90)) : null;
        male = r.nextBoolean();
        double rr = r.nextDouble();
        race = rr < 0.55 ? "white" : rr < 0.75 ? "black" : rr < 0.85 ? "asian" : rr < 0.9 ? "aian" : rr < 0.93 ? "nhpi"
                : rr < 0.96 ? "mena" : "multi";
        hispanic = r.nextDouble() < 0.18;
    }

    /** The participant's own random stream for its clinical history (independent of the identity draws). */
    SplittableRandom history() {
        return new SplittableRandom(mix(rngSeed ^ 0x5DEECE66DL));
    }

    /** The random stream of the participant's surveys, measurements and wearable data. */
    SplittableRandom participantProvided() {
        return new SplittableRandom(mix(rngSeed ^ 0x2545F4914F6CDD1DL));
    }

    boolean registered() {
        return true;
    }

    boolean hasEhr() {
        return ehrConsent;
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
