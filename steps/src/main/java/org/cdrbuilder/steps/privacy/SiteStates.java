package org.cdrbuilder.steps.privacy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.qa.ConfigTable;

/**
 * The states the EHR sites are in ({@code config/tiers/site-states.csv}, {@code site_id,state} with the two-letter
 * state code), the program's site lookup: a participant whose EHR comes from a site in another state than theirs
 * could be re-identified by the pair, so their state is generalized.
 */
public final class SiteStates {
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    private final Map<String, String> states;

    private SiteStates(Map<String, String> states) {
        this.states = states;
    }

    /** The site's two-letter state, or null when the file does not name the site. */
    public String stateOf(String site) {
        return states.get(site);
    }

    public Map<String, String> all() {
        return states;
    }

    public static SiteStates read(Path file) {
        Map<String, String> states = new TreeMap<>();
        for (ConfigTable.Row r : ConfigTable.read(file, "site_id", "state")) {
            String site = r.require("site_id");
            String state = r.require("state");
            if (!STATE.matcher(state).matches()) {
                throw new ConfigException(r.where() + ", field state: '" + state + "' is not a two-letter state code");
            }
            if (states.put(site, state) != null) {
                throw new ConfigException(r.where() + ", field site_id: site '" + site + "' is listed twice");
            }
        }
        return new SiteStates(states);
    }
}
