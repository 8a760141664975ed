package org.cdrbuilder.steps.common;

import java.util.List;

import org.cdrbuilder.core.config.BuildSettings;

/** The tiers a build publishes: those configured, or a single {@code base} tier when none is. */
public final class Tiers {
    private Tiers() {
    }

    public static List<String> of(BuildSettings settings) {
        return settings.tiers().isEmpty() ? List.of("base") : settings.tiers();
    }
}
