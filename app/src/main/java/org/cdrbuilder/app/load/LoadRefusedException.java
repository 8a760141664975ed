package org.cdrbuilder.app.load;

/**
 * The load was refused before anything was written: the schema already holds a loaded release (or tables of the
 * changelog), or another load is writing the same schema. The message says what is there.
 */
public final class LoadRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadRefusedException(String message) {
        super(message);
    }
}
