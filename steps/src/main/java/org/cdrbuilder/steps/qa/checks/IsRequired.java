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
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().filter(c -> !c.nullable())
                .<Probe>map(c -> new NotNull(table, c, ctx)).toList();
    }

    private static final class NotNull extends ProbeBase {
        private final int column;

        NotNull(TableDef table, ColumnDef c, QaContext ctx) {
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
