package org.cdrbuilder.generator;

import java.time.LocalDate;

/**
 * What to generate. Rates are fractions of participants (participant-level dirt) or of rows (row-level dirt).
 *
 * @param participants registry size
 * @param seed the same seed always gives the same drop, byte for byte
 * @param sites number of EHR sites
 * @param cutoff the release cutoff the drop is meant for; some planted rows fall after it
 * @param fitbitShare fraction of participants with Fitbit data
 * @param fitbitDays days of Fitbit data per participant with a device
 * @param dirt planted problems
 * @param realShapes write the shapes real feeds have, which change no outcome: sites' local ids sparse, above 2^31
 *                   and in no order; one site with CDM 5.3 visit columns; the registry in the participant system's
 *                   codes ({@code PIIState_MA}, {@code ConsentPermission_Yes}, {@code MEMBER}), ZIP codes without
 *                   their leading zero as a spreadsheet writes them
 */
public record GeneratorSettings(int participants, long seed, int sites, LocalDate cutoff, double fitbitShare,
                                int fitbitDays, Dirt dirt, boolean realShapes) {
    public GeneratorSettings {
        if (participants < 1) {
            throw new IllegalArgumentException("participants must be >= 1");
        }
        if (sites < 1 || sites > SiteNames.ALL.size()) {
            throw new IllegalArgumentException("sites must be between 1 and " + SiteNames.ALL.size());
        }
        if (fitbitShare < 0 || fitbitShare > 1) {
            throw new IllegalArgumentException("fitbitShare must be in [0, 1]");
        }
        if (fitbitDays < 0) {
            throw new IllegalArgumentException("fitbitDays must be >= 0");
        }
    }

    public static GeneratorSettings defaults(int participants, long seed) {
        return new GeneratorSettings(participants, seed, 3, LocalDate.of(2026, 10, 1), 0.2, 30, Dirt.DEFAULT, false);
    }

    public GeneratorSettings withDirt(Dirt d) {
        return new GeneratorSettings(participants, seed, sites, cutoff, fitbitShare, fitbitDays, d, realShapes);
    }

    public GeneratorSettings withSites(int n) {
        return new GeneratorSettings(participants, seed, n, cutoff, fitbitShare, fitbitDays, dirt, realShapes);
    }

    public GeneratorSettings withFitbit(double share, int days) {
        return new GeneratorSettings(participants, seed, sites, cutoff, share, days, dirt, realShapes);
    }

    public GeneratorSettings withRealShapes(boolean on) {
        return new GeneratorSettings(participants, seed, sites, cutoff, fitbitShare, fitbitDays, dirt, on);
    }

    /**
     * Rates of planted problems. Participant-level problems are exclusive (a participant has at most one) and such
     * participants get no row-level dirt, so every planted row is caught by exactly one rule.
     *
     * @param withdrawn share of participants who withdrew (drawn at random)
     * @param noPrimaryConsent share of registered people without a primary consent (drawn at random)
     * @param unregisteredPerson people a site sends EHR for who are not in the registry, per participant
     * @param malformedRow share of EHR condition and lab rows that must be quarantined
     * @param unmappedCode share of conditions with a source code nothing maps
     * @param sourceCodeOnly share of conditions sent with their source code only (harmonization maps them)
     * @param participantProblem share of participants with one of the other participant-level problems (birth year
     *                           implausible, under 18 at consent, EHR sent without consent, deactivated), on index
     *                           slots so that each appears in a small drop
     * @param rowProblem share of participants with one row-level problem ({@link RowProblem}), on index slots
     * @param implausible share of conditions dated weeks after their visit, and of glucose results reported in
     *                    mmol/L under a mg/dL unit: rows no cleaning rule removes and QA checks must report
     */
    public record Dirt(
            double withdrawn,
            double noPrimaryConsent,
            double unregisteredPerson,
            double malformedRow,
            double unmappedCode,
            double sourceCodeOnly,
            double participantProblem,
            double rowProblem,
            double implausible) {
        public static final Dirt DEFAULT = new Dirt(0.02, 0.02, 0.01, 0.005, 0.01, 0.2, 0.05, 0.2, 0.05);
        public static final Dirt NONE = new Dirt(0, 0, 0, 0, 0, 0.2, 0, 0, 0);
    }
}
