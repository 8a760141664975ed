package org.cdrbuilder.steps.publish;

/** The release version was already published and replacing it was not asked for. */
public final class ReleaseExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseExistsException(String message) {
        super(message);
    }
}
