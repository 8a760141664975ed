package org.cdrbuilder.app.load;

/**
 * The database failed during the load (connection lost, server shut down, out of disk or memory). The load ran in one
 * transaction, so nothing of it stays behind; running the same command again starts it again.
 */
public final class DatabaseFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
