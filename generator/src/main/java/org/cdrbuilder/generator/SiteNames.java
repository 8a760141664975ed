package org.cdrbuilder.generator;

import java.util.List;

/** Health-care organization ids of the generated EHR sites, in the style of the program's HPO ids. */
final class SiteNames {
    static final List<String> ALL = List.of("hpo_nyc_cumc", "hpo_pitt_upmc", "hpo_az_banner", "hpo_il_uic",
            "hpo_tx_baylor", "hpo_wa_uw", "hpo_ga_emory", "hpo_fl_ufh", "hpo_ca_ucsd", "hpo_ma_partners");

    private SiteNames() {
    }
}
