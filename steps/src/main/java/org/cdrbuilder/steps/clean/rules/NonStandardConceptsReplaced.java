package org.cdrbuilder.steps.clean.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.clean.ProgramRows;
import org.cdrbuilder.steps.harmonize.ConceptFields;

import com.google.auto.service.AutoService;

/**
 * A site may send a non-standard concept (an ICD10CM code's concept, a retired SNOMED concept) as the primary concept;
 * analyses expect the standard one. Harmonization only fills missing concepts, so a non-standard one is replaced here
 * by its {@code Maps to} standard concept, and kept as the source concept (OMOP convention) when that is empty.
 * Without a standard mapping the concept stays. Survey answers and physical measurements keep the program's concepts.
 */
@AutoService(CleaningRule.class)
public final class NonStandardConceptsReplaced implements CleaningRule {
    static final List<String> TABLES = List.of("condition_occurrence", "device_exposure", "drug_exposure", "measurement",
            "observation", "procedure_occurrence", "visit_occurrence");
    private static final RuleInfo INFO = RuleInfo.of("non_standard_concepts_replaced",
            "Replaces a non-standard primary concept with the standard concept it maps to; the original becomes the "
                    + "source concept when none was given. Concepts without a standard mapping are left as they are.",
            TABLES, "data_after_deactivation");
    private static final Map<String, ConceptFields> PRIMARY = TABLES.stream().collect(Collectors.toUnmodifiableMap(
            Function.identity(), NonStandardConceptsReplaced::primaryFields));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The primary concept and source concept columns of each table. */
    @Override
    public ChangedColumns changes() {
        return ChangedColumns.where((table, column) -> {
            ConceptFields f = PRIMARY.get(table.name());
            int i = table.indexOfOrMinus1(column.name());
            return f != null && i >= 0 && (i == f.concept() || i == f.sourceConcept());
        });
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (ProgramRows.isProgramRow(row)) {
            return Verdict.KEEP;
        }
        ConceptFields f = PRIMARY.get(row.table().name());
        int concept = row.getIntOrZero(f.concept());
        Vocabulary vocabulary = ctx.vocabulary();
        if (concept == 0 || !vocabulary.exists(concept) || vocabulary.isStandard(concept)) {
            return Verdict.KEEP;
        }
        int standard = vocabulary.standardFor(concept);
        if (standard == 0) {
            return Verdict.KEEP;
        }
        boolean sourceMissing = row.getIntOrZero(f.sourceConcept()) == 0;
        return Verdict.change("non-standard concept replaced by its standard concept", r -> {
            r.set(f.concept(), standard);
            if (sourceMissing) {
                r.set(f.sourceConcept(), concept);
            }
        });
    }

    private static ConceptFields primaryFields(String table) {
        return ConceptFields.of(CdrSchema.get().table(table)).stream().filter(ConceptFields::primary).findFirst()
                .orElseThrow(() -> new IllegalStateException(table + " has no primary concept columns"));
    }
}
