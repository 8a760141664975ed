package org.cdrbuilder.steps.qa;

/** A fatal QA check failed and no operator accepted it: the release is not published (exit code 5). */
public final class QaGateFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QaGateFailedException(String message) {
        super(message);
    }
}
