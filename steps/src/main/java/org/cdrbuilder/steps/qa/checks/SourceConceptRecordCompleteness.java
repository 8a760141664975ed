package org.cdrbuilder.steps.qa.checks;

import java.util.List;

import org.cdrbuilder.core.qa.CheckCategory;
import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckLevel;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaCheck;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.schema.TableDef;

import com.google.auto.service.AutoService;

/** How many rows carry concept 0 in a {@code *_source_concept_id} field: source codes not found in the vocabulary. */
@AutoService(QaCheck.class)
public final class SourceConceptRecordCompleteness implements QaCheck {
    static final CheckType TYPE = new CheckType("sourceConceptRecordCompleteness", CheckLevel.FIELD,
            CheckCategory.COMPLETENESS, "", "Verification", "The number and percent of records with a value of 0 in "
            + "the source concept field @cdmFieldName in the @cdmTableName table.");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public List<Probe> plan(TableDef table, QaContext ctx) {
        return table.columns().stream().filter(Columns::isSourceConcept)
                .<Probe>map(c -> new StandardConceptRecordCompleteness.Zero(
                        CheckKey.field(TYPE.name(), table.name(), c.name()), table, ctx)).toList();
    }
}
