package org.cdrbuilder.core.rules;

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
