package org.cdrbuilder.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.ColumnType;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;

/**
 * Sandbox tables: a table's columns (all nullable) followed by {@code _rule_id} and {@code _reason}. A row removed
 * or changed by a rule is copied here, as it was before the rule acted, so that QA staff can see it.
 */
public final class SandboxTables {
    public static final String RULE_ID = "_rule_id";
    public static final String REASON = "_reason";
    private static final Map<String, TableDef> CACHE = new ConcurrentHashMap<>();

    private SandboxTables() {
    }

    public static TableDef of(TableDef table) {
        return CACHE.computeIfAbsent(table.name(), n -> {
            List<ColumnDef> cols = new ArrayList<>();
            // internal copies keep any id as it was (a site's own ids before harmonization): 64-bit
            for (ColumnDef c : table.withBigintRowIds().columns()) {
                cols.add(new ColumnDef(c.name(), c.type(), 0, true, false, c.remarks(), Optional.empty()));
            }
            cols.add(new ColumnDef(RULE_ID, ColumnType.VARCHAR, 0, false, false, "Rule that removed or changed the row",
                    Optional.empty()));
            cols.add(new ColumnDef(REASON, ColumnType.VARCHAR, 0, true, false, "Why", Optional.empty()));
            return new TableDef(table.name(), TableGroup.INTERNAL, "sandbox of " + table.name(), cols);
        });
    }

    /** A sandbox copy of {@code row} tagged with the rule and reason. */
    public static Row copy(Row row, String ruleId, String reason) {
        Row s = row.copyInto(of(row.table()));
        s.set(RULE_ID, ruleId);
        s.set(REASON, reason);
        return s;
    }
}
