package org.cdrbuilder.steps.clean.rules;

import java.util.List;
import java.util.TreeSet;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.steps.clean.DomainTables;
import org.cdrbuilder.steps.clean.ProgramRows;

import com.google.auto.service.AutoService;

/**
 * OMOP puts an event in the table of its standard concept's domain: a site's "condition" whose concept is an
 * Observation is an observation. The row moves ({@link DomainTables#move}) and takes the next free id of the target
 * table when the cleaning stage completes (each table numbers its own rows: docs/IDS.md); its provenance (_ext src_id)
 * moves with it and the sandbox keeps it as it was, with its original id. The engine then runs the target table's
 * later rules on it. Rows without a standard concept, concepts of a domain with no event table
 * ("Condition/Meas", "Spec Anatomic Site"...), survey answers and physical measurements stay.
 */
@AutoService(CleaningRule.class)
public final class DomainAlignment implements CleaningRule {
    /** The event tables, each the table of a domain. */
    static final List<String> TABLES = List.copyOf(new TreeSet<>(DomainTables.TABLE_OF_DOMAIN.values()));
    private static final RuleInfo INFO = RuleInfo.of("domain_alignment",
            "Moves an event row whose standard concept belongs to another domain to that domain's table, with an id "
                    + "of that table. Survey answers and physical measurements are never moved.",
            TABLES, "non_standard_concepts_replaced");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (ProgramRows.isProgramRow(row)) {
            return Verdict.KEEP;
        }
        String table = row.table().name();
        Object concept = row.get(DomainTables.column(table, "concept").orElseThrow());
        Vocabulary vocabulary = ctx.vocabulary();
        if (!(concept instanceof Integer id) || id == 0 || !vocabulary.isStandard(id)) {
            return Verdict.KEEP;
        }
        String target = DomainTables.TABLE_OF_DOMAIN.get(vocabulary.domain(id));
        return target == null || target.equals(table) ? Verdict.KEEP
                : new Verdict.Move(target, "standard concept belongs to another domain");
    }
}
