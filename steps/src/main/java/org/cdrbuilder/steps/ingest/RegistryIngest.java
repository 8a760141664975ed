package org.cdrbuilder.steps.ingest;

import java.util.Set;

import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Stages the participant registry. Direct identifiers (name, email, phone, street address) are dropped here, as
 * each row is read: nothing downstream ever sees them. Values are read as the participant system writes them
 * ({@link RegistryValues}); a participant is quarantined only for an invalid value of a field that decides who may
 * be published, or a duplicate participant id. Other invalid values are dropped and reported.
 */
public final class RegistryIngest {
    public static final String TABLE = "_participants";
    private static final Set<String> IDENTIFYING = Set.of("first_name", "last_name", "email", "phone", "street_address");

    private RegistryIngest() {
    }

    public static UnitReport run(BuildContext ctx, String stage, WorkUnit unit, DropLayout drop) {
        TableDef table = ctx.schema().table(TABLE);
        int idCol = table.indexOf("participant_id");
        LongHashSet seen = new LongHashSet();
        TableFileIngest.RowCheck check = row -> {
            String pid = row.getString(idCol);
            long number = Participant.parseNumber(pid);
            if (number < 0) {
                return new Violation("participant_id", "not a participant id (expected P followed by digits)", pid);
            }
            if (!seen.add(number)) {
                return new Violation("participant_id", "duplicate participant id", pid);
            }
            return null;
        };
        TableFileIngest.RowShaper shaper = row -> {
            for (String c : IDENTIFYING) {
                row.set(c, null);
            }
            return row;
        };
        return TableFileIngest.run(ctx, stage, unit, table, drop.registryFile(), "participants/participants.csv",
                null, Set.of(), RegistryValues.INSTANCE, check, shaper);
    }
}
