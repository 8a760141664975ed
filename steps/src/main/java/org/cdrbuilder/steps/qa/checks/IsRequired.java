package org.cdrbuilder.steps.qa.checks;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/** Every NOT NULL column of the schema has a value in every row. */
@AutoService(QaCheck.class)
public final class IsRequired implements QaCheck {
    static final CheckType TYPE = new CheckType("isRequired", CheckLevel.FIELD, CheckCategory.CONFORMANCE,
            "Relational", "Validation", "The number and percent of records with a NULL value in the @cdmFieldName "
            + "of the @cdmTableName that is considered not nullable.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public ProbeGroup group(TableDef table, QaContext ctx) {
        return FieldGroup.orNull(new NotNull(table, ctx));
    }

    private static final class NotNull extends FieldGroup {
        NotNull(TableDef table, QaContext ctx) {
            super(TYPE, table, table.columns().stream().filter(c -> !c.nullable()).toList(), ctx, true);
        }

        @Override
        public void accept(Row row) {
            rows++;
            for (int k = 0; k < columns.length; k++) {
                if (row.get(columns[k]) == null) {
                    violation(k, row);
                }
            }
        }
    }
}
