package org.cdrbuilder.steps.qa.checks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
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
    public ProbeGroup group(TableDef table, QaContext ctx) {
        return FieldGroup.orNull(new Typed(table, ctx));
    }

    private static final class Typed extends FieldGroup {
        private final Class<?>[] expected;
        private final int[] maxLength;

        Typed(TableDef table, QaContext ctx) {
            super(TYPE, table, table.columns(), ctx, false);
            expected = new Class<?>[columns.length];
            maxLength = new int[columns.length];
            for (int k = 0; k < columns.length; k++) {
                ColumnDef c = table.column(columns[k]);
                maxLength[k] = c.maxLength();
                // row ids are longs in memory; a 32-bit release's Parquet cannot hold one that does not fit
                expected[k] = table.isRowId(columns[k]) ? Long.class : switch (c.type()) {
                    case BIGINT -> Long.class;
                    case INTEGER -> Integer.class;
                    case DOUBLE -> Double.class;
                    case VARCHAR, TEXT -> String.class;
                    case DATE -> LocalDate.class;
                    case TIMESTAMP -> LocalDateTime.class;
                    case BOOLEAN -> Boolean.class;
                };
            }
        }

        @Override
        protected Map<String, String> parameters(ColumnDef c) {
            return Map.of("cdmDatatype", c.type().name().toLowerCase(Locale.ROOT)
                    + (c.maxLength() > 0 ? "(" + c.maxLength() + ")" : ""));
        }

        @Override
        public void accept(Row row) {
            for (int k = 0; k < columns.length; k++) {
                Object v = row.get(columns[k]);
                if (v == null) {
                    continue;
                }
                counts[k].row();
                if (v.getClass() != expected[k] || maxLength[k] > 0 && ((String) v).length() > maxLength[k]) {
                    violation(k, row, "found", new Violations.Fact(v.getClass().getSimpleName()
                            + (v instanceof String s ? "(" + s.length() + ")" : "")));
                }
            }
        }
    }
}
