package org.cdrbuilder.core.validate;

import static java.util.Objects.requireNonNull;

/**
 * Why one source row cannot be used: the field (column name, JSON pointer or null for the whole row), the reason,
 * and the offending raw value (kept in the work directory only; never published, it may be identifying).
 */
public record Violation(String field, String reason, String value) {
    public Violation {
        requireNonNull(reason, "reason is null");
    }
}
