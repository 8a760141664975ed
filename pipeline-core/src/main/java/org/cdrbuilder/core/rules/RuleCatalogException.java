package org.cdrbuilder.core.rules;

/** The set of rules is inconsistent: duplicate ids, a dependency on an unknown rule, or a dependency cycle. */
public final class RuleCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleCatalogException(String message) {
        super(message);
    }
}
