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
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/** How many rows carry concept 0 ("No matching concept") in a standard concept field: source codes left unmapped. */
@AutoService(QaCheck.class)
public final class StandardConceptRecordCompleteness implements QaCheck {
    static final CheckType TYPE = new CheckType("standardConceptRecordCompleteness", CheckLevel.FIELD,
            CheckCategory.COMPLETENESS, "", "Verification", "The number and percent of records with a value of 0 in "
            + "the standard concept field @cdmFieldName in the @cdmTableName table.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().filter(Columns::isConceptReference)
                .<Probe>map(c -> new Zero(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx)).toList();
    }

    /** Counts rows whose concept is 0; the denominator is every row, as in the Data Quality Dashboard. */
    static final class Zero extends ConceptFieldProbe {
        Zero(CheckKey key, TableDef table, QaContext ctx) {
            super(key, table, ctx);
        }

        @Override
        public void start(QaContext ctx) {
            // needs no vocabulary
        }

        @Override
        protected void concept(Row row, Integer c) {
            counts.row();
            if (c != null && c == 0) {
                violation(row);
            }
        }
    }
}
