package org.cdrbuilder.core.validate;

/** A raw value that cannot become a value of its column; the message is the reason shown in quarantine. */
public final class ValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ValueException(String reason) {
        super(reason, null, false, false);
    }
}
