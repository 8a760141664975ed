package org.cdrbuilder.steps.ingest.fitbit;

import org.cdrbuilder.core.validate.Violation;

/** A field of a source element that cannot become its column's value; the element is quarantined whole. */
final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    BadField(Violation violation) {
        super(violation.reason(), null, false, false);
        this.violation = violation;
    }

    Violation violation() {
        return violation;
    }
}
