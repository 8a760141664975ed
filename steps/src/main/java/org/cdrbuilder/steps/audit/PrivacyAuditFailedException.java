package org.cdrbuilder.steps.audit;

/** The privacy audit found a leak: nothing is published (exit code 6). */
public final class PrivacyAuditFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PrivacyAuditFailedException(String message) {
        super(message);
    }
}
