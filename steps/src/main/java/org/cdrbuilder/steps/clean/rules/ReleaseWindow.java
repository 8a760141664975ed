package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.rules.RuleContext;

/**
 * Whether a participant's record dated on a given day can reach the release at all: not after the participant's
 * deactivation, not after the cutoff. Rules that pick "the latest" of several records in {@code prepare} see rows
 * before other rules removed any; a record that is never released must not win over one that is.
 */
final class ReleaseWindow {
    private ReleaseWindow() {
    }

    static boolean contains(RuleContext ctx, long person, LocalDate date) {
        if (date == null) {
            return true;
        }
        if (date.isAfter(ctx.cutoff())) {
            return false;
        }
        Participant p = ctx.registry().get(person);
        return p == null || p.deactivationDate() == null || !date.isAfter(p.deactivationDate());
    }
}
