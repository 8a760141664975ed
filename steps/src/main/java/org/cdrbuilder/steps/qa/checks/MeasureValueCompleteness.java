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

/** How often each field is missing; thresholds per field say when that is too often. */
@AutoService(QaCheck.class)
public final class MeasureValueCompleteness implements QaCheck {
    static final CheckType TYPE = new CheckType("measureValueCompleteness", CheckLevel.FIELD,
            CheckCategory.COMPLETENESS, "", "Verification",
            "The number and percent of records with a NULL value in the @cdmFieldName of the @cdmTableName.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public ProbeGroup group(TableDef table, QaContext ctx) {
        return FieldGroup.orNull(new Missing(table, ctx));
    }

    private static final class Missing extends FieldGroup {
        Missing(TableDef table, QaContext ctx) {
            super(TYPE, table, table.columns(), ctx, true);
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
