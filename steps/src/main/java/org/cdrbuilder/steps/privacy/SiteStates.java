package org.cdrbuilder.steps.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.cdrbuilder.core.config.ConfigException;

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
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site states " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals("site_id,state")) {
            throw new ConfigException(file + " line 1: expected the header site_id,state");
        }
        Map<String, String> states = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 2 || f[0].isBlank()) {
                throw new ConfigException(file + " line " + (i + 1) + ": expected site_id,state");
            }
            String state = f[1].trim();
            if (!STATE.matcher(state).matches()) {
                throw new ConfigException(file + " line " + (i + 1) + ", field state: '" + state
                        + "' is not a two-letter state code");
            }
            if (states.put(f[0].trim(), state) != null) {
                throw new ConfigException(file + " line " + (i + 1) + ", field site_id: site '" + f[0].trim()
                        + "' is listed twice");
            }
        }
        return new SiteStates(states);
    }
}
