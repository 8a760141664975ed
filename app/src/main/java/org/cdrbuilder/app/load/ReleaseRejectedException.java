package org.cdrbuilder.app.load;

/**
 * The release cannot be loaded as it is: its manifest and files disagree, or a value does not fit the database column
 * the schema changelog declares, or a key the changelog declares does not hold. The message names the table, column,
 * file and row.
 */
public final class ReleaseRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseRejectedException(String message) {
        super(message);
    }

    public ReleaseRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
