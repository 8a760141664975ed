package org.cdrbuilder.core.rules;

import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;

/**
 * One cleaning rule: one class, one concern, discovered by the engine and ordered by its declared dependencies.
 * Rules are plain Java: the same class runs in the batch job, in a test, or in a Spark task.
 * <p>
 * {@link #check} sees each row of the rule's tables, in the state earlier rules left it, and must not modify it:
 * a change is returned as a {@link Verdict.Change}, which the engine applies after keeping the original for the
 * sandbox. Instances are shared by worker threads; whatever {@link #prepare} builds must be read-only afterwards.
 */
public interface CleaningRule {
    RuleInfo info();

    /**
     * Reads what the rule needs before any row is cleaned (death dates, latest survey responses...). Called once per
     * build, from any thread, before the first {@link #check}. Most rules need nothing.
     */
    default void prepare(RuleContext ctx) {
    }

    /** The decision about one row of one of {@link RuleInfo#tables()}, given where the row came from. */
    Verdict check(Row row, RowOrigin origin, RuleContext ctx);

    /**
     * The columns the rule may change in the rows it keeps; none by default (rules that only keep, remove, move or
     * add rows). The data dictionary lists the rule at these columns, and the engine checks, with Java assertions
     * enabled, that a change touches no other column.
     */
    default ChangedColumns changes() {
        return ChangedColumns.NONE;
    }

    /**
     * Whether the rule can act on rows of {@code table} in a tier with {@code profile}: a privacy rule switched off
     * by the profile (dates not shifted, no generalization) says false. The data dictionary lists privacy rules per
     * tier by this, and the engine checks, with Java assertions enabled, that a rule leaves every row alone where it
     * says false. Cleaning rules run once for every tier and keep the default.
     */
    default boolean activeIn(TierProfile profile, String table) {
        return true;
    }

    /**
     * What a keep-or-remove decision of the rule depends on, besides the row's table and origin. The engine reuses
     * such a decision for the next rows that share it (minute-level Fitbit rows of one person and day), which is
     * what makes participant-level rules cheap on billions of rows. A rule that reads anything else of the row
     * must say {@link Scope#ROW} (the default).
     */
    default Scope scope() {
        return Scope.ROW;
    }

    /** See {@link #scope()}. */
    enum Scope {
        /** Any column of the row. */
        ROW,
        /** Only the row's person. */
        PERSON,
        /** Only the row's person and the day of its event (its primary date). */
        PERSON_DAY
    }
}
