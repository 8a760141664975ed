package org.cdrbuilder.steps.qa.checks;

import java.util.List;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/**
 * Values are not implausibly low: fields and measurement concepts with a
 * plausibleValueLow in {@code plausible-values.csv}. The description is the field-level one; concept-level
 * results say which concept and unit.
 */
@AutoService(QaCheck.class)
public final class PlausibleValueLow implements QaCheck {
    static final CheckType TYPE = new CheckType("plausibleValueLow", CheckLevel.FIELD, CheckCategory.PLAUSIBILITY,
            "Atemporal", "Verification", "The number and percent of records with a value in the @cdmFieldName field of "
            + "the @cdmTableName table less than @plausibleValueLow.");
    static final CheckType CONCEPT_TYPE = new CheckType("plausibleValueLow", CheckLevel.CONCEPT,
            CheckCategory.PLAUSIBILITY, "Atemporal", "Verification", "For the combination of CONCEPT_ID @conceptId "
            + "(@conceptName) and UNIT_CONCEPT_ID @unitConceptId (@unitConceptName), the number and percent of records "
            + "that have a value less than @plausibleValueLow.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public CheckType type(CheckLevel level) {
        return level == CheckLevel.CONCEPT ? CONCEPT_TYPE : TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return PlausibleValues.plan(TYPE, table, ctx, "plausibleValueLow", false);
    }
}
