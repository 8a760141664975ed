package org.cdrbuilder.steps.harmonize;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.registry.Registry;

/** Which participants' rows are released at all: registered, with a primary consent, not withdrawn. */
public final class RegistryFilter {
    public static final String NOT_IN_REGISTRY = "participant_not_in_registry";
    public static final String NO_PRIMARY_CONSENT = "no_primary_consent";
    public static final String WITHDRAWN = "participant_withdrawn";

    private final Registry registry;

    public RegistryFilter(Registry registry) {
        this.registry = registry;
    }

    /** The rule that removes rows of this person, or null when they may be released. */
    public String removal(Long personNumber) {
        Participant p = personNumber == null ? null : registry.get(personNumber);
        if (p == null) {
            return NOT_IN_REGISTRY;
        }
        if (!p.hasPrimaryConsent()) {
            return NO_PRIMARY_CONSENT;
        }
        if (p.withdrawn()) {
            return WITHDRAWN;
        }
        return null;
    }
}
