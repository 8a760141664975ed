package org.cdrbuilder.steps.qa.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckType;
import org.cdrbuilder.core.qa.ProbeGroup;
import org.cdrbuilder.core.qa.QaContext;
import org.cdrbuilder.core.qa.Violations;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/** A field-level check on several columns of a table, counted in one loop over each row's values. */
abstract class FieldGroup implements ProbeGroup {
    protected final int[] columns;
    protected final Violations[] counts;
    /** Violations per field, added to {@link #counts} at the end (cheaper than a call per violation). */
    private final long[] violated;
    private final int exampleLimit;
    /** Rows seen, for checks whose denominator is every row (added to each field's counts at the end). */
    protected long rows;
    private final boolean everyRow;
    private final int[][] exampleColumns;
    private final List<Member> members = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    /**
     * @param everyRow whether each field's denominator is every row (the subclass counts {@link #rows}) rather than
     *                 what the subclass counts per field
     */
    FieldGroup(CheckType type, TableDef table, List<ColumnDef> fields, QaContext ctx, boolean everyRow) {
        this.everyRow = everyRow;
        columns = new int[fields.size()];
        counts = new Violations[fields.size()];
        violated = new long[fields.size()];
        exampleLimit = ctx.settings().examples;
        exampleColumns = new int[fields.size()][];
        for (int k = 0; k < fields.size(); k++) {
            ColumnDef c = fields.get(k);
            columns[k] = table.indexOf(c.name());
            counts[k] = new Violations(ctx.settings().examples);
            List<String> shown = ProbeBase.shown(table, c.name());
            exampleColumns[k] = shown.stream().mapToInt(table::indexOf).toArray();
            read.addAll(shown);
            members.add(new Member(CheckKey.field(type.name(), table.name(), c.name()), counts[k], parameters(c)));
        }
    }

    /** Values of the description placeholders for one field (called while constructing: use only {@code c}). */
    protected Map<String, String> parameters(ColumnDef c) {
        return Map.of();
    }

    /** The group, or null when no column of the table qualifies. */
    static ProbeGroup orNull(FieldGroup g) {
        return g.columns.length == 0 ? null : g;
    }

    @Override
    public final void finish(QaContext ctx) {
        for (int k = 0; k < counts.length; k++) {
            counts[k].violate(violated[k]);
            if (everyRow) {
                counts[k].rows(rows);
            }
        }
    }

    @Override
    public final List<Member> members() {
        return members;
    }

    @Override
    public final Set<String> columns() {
        return read;
    }

    /** Counts a violation of field {@code k}, keeping the row as an example while examples are wanted. */
    protected final void violation(int k, Row row) {
        if (violated[k]++ < exampleLimit) {
            counts[k].example(row, exampleColumns[k]);
        }
    }

    /** Counts a violation of field {@code k} with extra example values (name, value, ...). */
    protected final void violation(int k, Row row, Object... extra) {
        if (violated[k]++ < exampleLimit) {
            counts[k].example(row, exampleColumns[k], extra);
        }
    }
}
