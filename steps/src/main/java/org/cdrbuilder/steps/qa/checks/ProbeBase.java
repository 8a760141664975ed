package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.Probe;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.TableDef;

/**
 * What most probes share: the key, the counts, the columns read, and examples made of the row's id, its person and
 * the checked columns.
 */
abstract class ProbeBase implements Probe {
    private final CheckKey key;
    private final Set<String> columns;
    private final int[] exampleColumns;
    protected final Violations counts;

    /** @param checked the columns the check reads, shown in examples after the row's id and person */
    ProbeBase(CheckKey key, TableDef table, QaContext ctx, String... checked) {
        this.key = key;
        this.counts = new Violations(ctx.settings().examples);
        List<String> shown = shown(table, checked);
        this.exampleColumns = shown.stream().mapToInt(table::indexOf).toArray();
        this.columns = Set.copyOf(new LinkedHashSet<>(shown));
    }

    /** The columns an example shows: the row's id, its person, then the checked columns. */
    static List<String> shown(TableDef table, String... checked) {
        List<String> shown = new ArrayList<>();
        table.primaryKey().ifPresent(pk -> shown.add(pk.name()));
        if (table.hasColumn("person_id") && !shown.contains("person_id")) {
            shown.add("person_id");
        }
        for (String c : checked) {
            if (!shown.contains(c)) {
                shown.add(c);
            }
        }
        return shown;
    }

    @Override
    public final CheckKey key() {
        return key;
    }

    @Override
    public Set<String> columns() {
        return columns;
    }

    @Override
    public final Violations violations() {
        return counts;
    }

    /** Counts a violating row, keeping it as an example while examples are wanted. */
    protected final void violation(Row row, Object... extra) {
        if (counts.violate()) {
            counts.example(row, exampleColumns, extra);
        }
    }
}
