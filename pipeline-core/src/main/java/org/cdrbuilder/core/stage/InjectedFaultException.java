package org.cdrbuilder.core.stage;

/** A crash injected on purpose by the fault campaign or the restart tests ({@code -Dcdr.fault}); never a bug. */
public final class InjectedFaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InjectedFaultException(String message) {
        super(message);
    }
}
