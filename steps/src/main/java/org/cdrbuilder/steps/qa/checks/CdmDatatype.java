package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

/**
 * Values have the column's declared type: the Parquet value decodes to the schema's type (a file whose column has
 * another physical type does not), and character values fit the declared VARCHAR length.
 */
@AutoService(QaCheck.class)
public final class CdmDatatype implements QaCheck {
    static final CheckType TYPE = new CheckType("cdmDatatype", CheckLevel.FIELD, CheckCategory.CONFORMANCE, "Value",
            "Verification", "The number and percent of values in the @cdmFieldName field of the @cdmTableName that are "
            + "not of the expected data type based on the specification (@cdmDatatype).");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().<Probe>map(c -> new Typed(table, c, ctx)).toList();
    }

    private static final class Typed extends ProbeBase {
        private final int column;
        private final Class<?> expected;
        private final int maxLength;
        private final String declared;

        Typed(TableDef table, ColumnDef c, QaContext ctx) {
            super(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx, c.name());
            this.column = table.indexOf(c.name());
            this.maxLength = c.maxLength();
            this.declared = c.type().name().toLowerCase(java.util.Locale.ROOT) + (c.maxLength() > 0 ? "(" + c.maxLength() + ")" : "");
            this.expected = switch (c.type()) {
                case BIGINT -> Long.class;
                case INTEGER -> Integer.class;
                case DOUBLE -> Double.class;
                case VARCHAR, TEXT -> String.class;
                case DATE -> LocalDate.class;
                case TIMESTAMP -> LocalDateTime.class;
                case BOOLEAN -> Boolean.class;
            };
        }

        @Override
        public void accept(Row row) {
            Object v = row.get(column);
            if (v == null) {
                return;
            }
            counts.row();
            if (v.getClass() != expected || maxLength > 0 && ((String) v).length() > maxLength) {
                violation(row, "found", new org.cdrbuilder.core.qa.Violations.Fact(v.getClass().getSimpleName()
                        + (v instanceof String s ? "(" + s.length() + ")" : "")));
            }
        }

        @Override
        public java.util.Map<String, String> parameters() {
            return java.util.Map.of("cdmDatatype", declared);
        }
    }
}
