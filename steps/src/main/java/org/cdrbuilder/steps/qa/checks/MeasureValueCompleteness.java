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
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().<Probe>map(c -> new Missing(table, c, ctx)).toList();
    }

    private static final class Missing extends ProbeBase {
        private final int column;

        Missing(TableDef table, ColumnDef c, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx, c.name());
            this.column = table.indexOf(c.name());
        }

        @Override
        public void accept(Row row) {
            counts.row();
            if (row.get(column) == null) {
                violation(row);
            }
        }
    }
}
