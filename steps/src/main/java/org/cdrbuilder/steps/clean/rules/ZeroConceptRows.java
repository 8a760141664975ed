package org.cdrbuilder.steps.clean.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.clean.DomainTables;

import com.google.auto.service.AutoService;

/**
 * An event with neither a concept, nor a source concept, nor a source value says nothing a researcher can use.
 * A row that still has its source value is kept even when nothing maps it: QA reports those codes to the sites.
 * visit_occurrence is left alone: events refer to visits, and removing one here would leave references behind.
 */
@AutoService(CleaningRule.class)
public final class ZeroConceptRows implements CleaningRule {
    private static final RuleInfo INFO = new RuleInfo("zero_concept_rows",
            "Removes event rows whose concept and source concept are both 0 or missing and that have no source "
                    + "value; rows with an unmapped source value stay for QA.",
            DomainAlignment.TABLES, List.of("domain_alignment"), Set.of(), List.of("DC-975"));
    private static final Map<String, Columns> COLUMNS = DomainAlignment.TABLES.stream().collect(
            Collectors.toUnmodifiableMap(Function.identity(), Columns::of));

    private record Columns(String concept, String sourceConcept, String sourceValue) {
        static Columns of(String table) {
            return new Columns(DomainTables.column(table, "concept").orElseThrow(),
                    DomainTables.column(table, "source_concept").orElseThrow(),
                    DomainTables.column(table, "source_value").orElseThrow());
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Columns c = COLUMNS.get(row.table().name());
        return isZero(row.get(c.concept())) && isZero(row.get(c.sourceConcept()))
                && isBlank(row.get(c.sourceValue())) ? Verdict.remove("no concept, source concept or source value")
                : Verdict.KEEP;
    }

    private static boolean isZero(Object concept) {
        return concept == null || (Integer) concept == 0;
    }

    private static boolean isBlank(Object value) {
        return value == null || ((String) value).isBlank();
    }
}
