package org.cdrbuilder.core.privacy;

import static java.util.Objects.requireNonNull;

/**
 * What privacy rules need about the tier being built: its name, its profile, the private mapping store (research
 * ids, date shifts, masking) and the program's generalization table.
 */
public record TierContext(String tier, TierProfile profile, ParticipantKeys keys, GeneralizationConfig generalization) {
    public TierContext {
        requireNonNull(tier, "tier is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(generalization, "generalization is null");
    }
}
