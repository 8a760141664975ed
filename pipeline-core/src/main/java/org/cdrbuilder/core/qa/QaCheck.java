package org.cdrbuilder.core.qa;

import java.util.List;

import org.cdrbuilder.schema.TableDef;

/**
 * A check type: one class, discovered on the class path ({@code @AutoService(QaCheck.class)}), that says which
 * checks it resolves on a table, each as a {@link Probe} on the table's shared scan (or, for a cheap test applied to
 * many fields, as one {@link ProbeGroup}). What it applies to comes from the schema (required fields, keys, types)
 * or from its configuration table in {@code config/qa/}; severity and threshold come from {@link QaThresholds}.
 * Implementations are plain Java and stateless, and implement {@link #plan} or {@link #group} or both.
 */
public interface QaCheck {
    CheckType type();

    /**
     * The type as reported for checks of one level: the same unless a check type resolves at two levels (plausible
     * values of a field, or of a concept's values), where each level has its own description.
     */
    default CheckType type(CheckLevel level) {
        return type();
    }

    /** The probes of this check type on {@code table} (none when it does not apply). */
    default List<Probe> plan(TableDef table, QaContext ctx) {
        return List.of();
    }

    /** The checks of this type on {@code table} counted together, or null when there are none. */
    default ProbeGroup group(TableDef table, QaContext ctx) {
        return null;
    }
}
