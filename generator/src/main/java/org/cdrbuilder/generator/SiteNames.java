package org.cdrbuilder.generator;

import java.util.List;

/**
 * Health-care organization ids of the generated EHR sites, in the style of the program's HPO ids, and the state each
 * is in (as {@code config/tiers/site-states.csv} places them) with a ZIP prefix there. Every site's state is one The
 * Basics catalog has an answer for, so that participants can live where they are treated.
 */
final class SiteNames {
    static final List<String> ALL = List.of("hpo_nyc_cumc", "hpo_pitt_upmc", "hpo_az_banner", "hpo_il_uic",
            "hpo_tn_vumc", "hpo_wi_uwm", "hpo_ga_emory", "hpo_fl_ufh", "hpo_ca_ucsd", "hpo_ma_partners");
    /** State and ZIP prefix of each site of {@link #ALL}, in the same order. */
    private static final String[][] HOME = {{"NY", "10"}, {"PA", "15"}, {"AZ", "85"}, {"IL", "60"}, {"TN", "37"},
        {"WI", "53"}, {"GA", "30"}, {"FL", "33"}, {"CA", "92"}, {"MA", "02"}};

    private SiteNames() {
    }

    /** The state and a ZIP prefix of the site with this index. */
    static String[] home(int site) {
        return HOME[site];
    }
}
