package org.cdrbuilder.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.BiPredicate;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.schema.ColumnDef;
import org.cdrbuilder.schema.TableDef;

/**
 * The columns whose values a rule may change in the rows it keeps ({@link Verdict.Change}), as the rule declares
 * them ({@link CleaningRule#changes()}). The data dictionary lists a rule at these columns; with Java assertions
 * enabled (as in every test) the rule engine fails a change that touches any other column, so the declaration
 * cannot drift from what the rule does.
 */
@FunctionalInterface
public interface ChangedColumns {
    /** A rule that changes no value (it keeps, removes, moves or adds rows). */
    ChangedColumns NONE = (table, column, profile) -> false;

    /**
     * Whether the rule may change {@code column} of {@code table}.
     *
     * @param profile the tier's profile for a privacy rule; null for a cleaning rule (it runs once, for every tier)
     */
    boolean contains(TableDef table, ColumnDef column, TierProfile profile);

    /**
     * Columns by name: {@code "table.column"} for one table's column, {@code "column"} for the column of that name in
     * any table of the rule.
     */
    static ChangedColumns named(String... columns) {
        List<String> names = List.of(columns);
        for (String n : names) {
            if (n.isBlank() || n.indexOf('.') != n.lastIndexOf('.')) {
                throw new IllegalArgumentException("a changed column is 'table.column' or 'column': " + n);
            }
        }
        return (table, column, profile) -> names.contains(column.name())
                || names.contains(table.name() + "." + column.name());
    }

    /** Columns chosen from the schema, e.g. every date and datetime column. */
    static ChangedColumns where(BiPredicate<TableDef, ColumnDef> predicate) {
        requireNonNull(predicate, "predicate is null");
        return (table, column, profile) -> predicate.test(table, column);
    }

    /** The columns of this declaration and of {@code other}. */
    default ChangedColumns or(ChangedColumns other) {
        requireNonNull(other, "other is null");
        return (table, column, profile) -> contains(table, column, profile) || other.contains(table, column, profile);
    }
}
