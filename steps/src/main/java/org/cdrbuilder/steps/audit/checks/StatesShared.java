package org.cdrbuilder.steps.audit.checks;

import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.audit.AuditCheck;
import org.cdrbuilder.steps.audit.AuditContext;
import org.cdrbuilder.steps.audit.AuditedRow;
import org.cdrbuilder.steps.audit.Findings;

/**
 * Every state of residence the tier publishes in person_ext is shared by at least the profile's minimum of its
 * participants (200 in the program); rarer states must have been generalized. Needs the whole of person_ext at
 * once.
 */
public final class StatesShared implements AuditCheck {
    private static final String STATE_PREFIX = "PIIState_";
    private static final String TABLE = "person_ext";
    private static final String COLUMN = "state_of_residence_source_value";

    /** Per published state: participants, and the first row naming it. */
    private final Map<String, Seen> states = new TreeMap<>();

    private static final class Seen {
        long participants;
        String file;
        long index;
    }

    @Override
    public String id() {
        return "states_shared";
    }

    @Override
    public String description() {
        return "Every published state of residence is shared by at least the tier's minimum of participants (200).";
    }

    @Override
    public String skipReason(AuditContext ctx) {
        return ctx.profile().stateMinimumParticipants <= 0 ? "the tier publishes every state" : null;
    }

    @Override
    public boolean covers(TableDef table, AuditContext ctx) {
        return table.name().equals(TABLE);
    }

    @Override
    public boolean needsWholeTable(TableDef table) {
        return table.name().equals(TABLE);
    }

    @Override
    public void check(AuditedRow r, AuditContext ctx, Findings findings) {
        if (r.row().get(COLUMN) instanceof String s && s.startsWith(STATE_PREFIX)) {
            Seen seen = states.computeIfAbsent(s, k -> new Seen());
            if (seen.participants++ == 0) {
                seen.file = r.file();
                seen.index = r.index();
            }
        }
    }

    @Override
    public void tableDone(TableDef table, long rows, String file, AuditContext ctx, Findings findings) {
        int minimum = ctx.profile().stateMinimumParticipants;
        states.forEach((state, seen) -> {
            if (seen.participants < minimum) {
                findings.add(table.name(), COLUMN, seen.file, seen.index,
                        "state " + state + " published for " + seen.participants + " participant(s), fewer than " + minimum);
            }
        });
    }
}
