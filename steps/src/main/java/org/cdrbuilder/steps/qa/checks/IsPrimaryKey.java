package org.cdrbuilder.steps.qa.checks;

import java.util.List;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.qa.facts.DuplicateKeys;

import com.google.auto.service.AutoService;

/**
 * The primary key of each table is unique. Every row whose key value occurs more than once counts, the first
 * occurrence included, as in the Data Quality Dashboard. Numeric keys are counted in {@link DuplicateKeys}: O(1) per row for dense, sparse and shuffled ids.
 */
@AutoService(QaCheck.class)
public final class IsPrimaryKey implements QaCheck {
    static final CheckType TYPE = new CheckType("isPrimaryKey", CheckLevel.FIELD, CheckCategory.CONFORMANCE,
            "Relational", "Verification",
            "The number and percent of records that have a duplicate value in the @cdmFieldName field of the @cdmTableName.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.primaryKey().stream().<Probe>map(c -> new Unique(table, c, ctx)).toList();
    }

    private static final class Unique extends ProbeBase {
        private final int column;
        private final String name;
        private final DuplicateKeys keys;
        /** Character keys (only small tables such as release metadata have them). */
        private final java.util.Map<Object, Boolean> textKeys = new java.util.HashMap<>();

        Unique(TableDef table, ColumnDef c, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx, c.name());
            this.column = table.indexOf(c.name());
            this.name = c.name();
            this.keys = new DuplicateKeys();
        }

        @Override
        public void accept(Row row) {
            counts.row();
            Object v = row.get(column);
            if (v instanceof Number n) {
                int repeat = keys.add(n.longValue());
                if (repeat != DuplicateKeys.NEW) {
                    duplicate(row, repeat == DuplicateKeys.FIRST_REPEAT);
                }
            } else if (v != null) {
                Boolean wasDuplicate = textKeys.put(v, textKeys.containsKey(v));
                if (wasDuplicate != null) {
                    duplicate(row, !wasDuplicate);
                }
            }
        }

        @Override
        public void finish(QaContext ctx) {
            long before = keys.rowsWithDuplicates();
            for (long k : keys.finish(ctx.settings().examples)) {
                counts.example(java.util.Map.of(name, k));
            }
            counts.violate(keys.rowsWithDuplicates() - before); // repeats of sparse keys, counted at the end
        }

        private void duplicate(Row row, boolean firstRepeat) {
            if (firstRepeat) {
                counts.violate(1); // the first occurrence, now known to be a duplicate
            }
            violation(row);
        }
    }
}
