package org.cdrbuilder.steps.common;

import java.util.List;

import org.cdrbuilder.core.config.BuildSettings;

/** The tiers a build publishes, each with a profile in {@code config/tiers/}. */
public final class Tiers {
    private Tiers() {
    }

    public static List<String> of(BuildSettings settings) {
        return settings.tiers();
    }
}
