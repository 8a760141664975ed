package org.cdrbuilder.steps.ingest;

/** The inputs cannot make a release at all (no registry, no vocabulary...). The build stops before any work. */
public final class InputsRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputsRejectedException(String message) {
        super(message);
    }
}
