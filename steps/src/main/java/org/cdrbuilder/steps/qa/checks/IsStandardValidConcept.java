package org.cdrbuilder.steps.qa.checks;

import java.util.List;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * The concept fields declared as references to {@code concept} hold standard, valid concepts. Concept 0 is left to
 * standardConceptRecordCompleteness and unknown concepts to isForeignKey.
 */
@AutoService(QaCheck.class)
public final class IsStandardValidConcept implements QaCheck {
    static final CheckType TYPE = new CheckType("isStandardValidConcept", CheckLevel.FIELD, CheckCategory.CONFORMANCE,
            "Value", "Verification", "The number and percent of records that do not have a standard, valid concept in "
            + "the @cdmFieldName field in the @cdmTableName table.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().filter(Columns::isConceptReference)
                .<Probe>map(c -> new Standard(CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx)).toList();
    }

    private static final class Standard extends ConceptFieldProbe {
        private ConceptVerdicts verdicts;

        Standard(CheckKey key, TableDef table, QaContext ctx) {
            super(key, table, ctx);
        }

        @Override
        public void start(QaContext ctx) {
            super.start(ctx);
            verdicts = new ConceptVerdicts(c -> c != 0 && vocabulary.exists(c)
                    && !(vocabulary.isStandard(c) && vocabulary.isValid(c)));
        }

        @Override
        protected void concept(Row row, Integer c) {
            if (c == null) {
                return;
            }
            counts.row();
            if (verdicts.violates(c)) {
                violation(row, "standard", new Violations.Fact(vocabulary.isStandard(c) ? "S" : "no"),
                        "valid", new Violations.Fact(vocabulary.isValid(c) ? "yes" : "no"));
            }
        }
    }
}
