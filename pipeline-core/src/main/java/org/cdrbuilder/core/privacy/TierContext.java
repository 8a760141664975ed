package org.cdrbuilder.core.privacy;

import static java.util.Objects.requireNonNull;

/**
 * What privacy rules need about the tier being built: its name, its profile, and the private mapping store
 * (research ids, date shifts, masking).
 */
public record TierContext(String tier, TierProfile profile, ParticipantKeys keys) {
    public TierContext {
        requireNonNull(tier, "tier is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(keys, "keys is null");
    }
}
