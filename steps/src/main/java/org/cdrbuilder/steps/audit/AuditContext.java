package org.cdrbuilder.steps.audit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.cdrbuilder.core.privacy.ParticipantKeys;
import org.cdrbuilder.core.privacy.TierProfile;

import com.carrotsearch.hppc.IntHashSet;

/**
 * What the audit of one tier's release was given. Only the release and the tier's profile are required; the
 * registry file, the private mapping store (which needs the key) and the build's work files each enable more
 * checks, and a check that lacks what it needs says so in the report instead of passing silently.
 *
 * @param release the part files of each published table, in row order
 * @param releaseRoot what file names in findings are relative to
 * @param sources the part files each table's rows were made from (before the tier's privacy rules), or null
 * @param registry facts from the drop's registry file, or null
 * @param keys the private mapping store, or null
 * @param suppressed the concept ids the tier suppresses
 */
public record AuditContext(String tier, TierProfile profile, LocalDate cutoff, Function<String, List<Path>> release,
                           Path releaseRoot, Function<String, List<Path>> sources, RegistryFacts registry,
                           ParticipantKeys keys, IntHashSet suppressed) {
    public AuditContext {
        requireNonNull(tier, "tier is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(cutoff, "cutoff is null");
        requireNonNull(release, "release is null");
        requireNonNull(releaseRoot, "releaseRoot is null");
        requireNonNull(suppressed, "suppressed is null");
    }

    /** The registry participant behind a published person id, or -1. */
    public long participantOf(Object personId) {
        return keys == null || !(personId instanceof Long id) ? -1 : keys.participant(id);
    }
}
