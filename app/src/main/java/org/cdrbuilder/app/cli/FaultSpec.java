package org.cdrbuilder.app.cli;

import org.cdrbuilder.core.stage.FaultInjector;

/**
 * A crash on purpose, for testing that builds resume: {@code -Dcdr.fault=<stage>:<unit>:<rows>:<fail|halt>} makes
 * the named unit throw (fail) or the JVM stop at once as if killed (halt) when it has streamed {@code rows} rows
 * (0 = as it starts). Used by the restart tests; never set in production.
 */
public final class FaultSpec {
    /** The system property holding the spec. */
    public static final String PROPERTY = "cdr.fault";

    private FaultSpec() {
    }

    /** The injector of a spec, or null for none (null or blank); engines whose workers run elsewhere pass it on. */
    public static FaultInjector parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] p = spec.split(":");
        if (p.length != 4) {
            throw new IllegalArgumentException("cdr.fault must be <stage>:<unit>:<rows>:<fail|halt>: " + spec);
        }
        String stage = p[0];
        String unit = p[1];
        long rows = Long.parseLong(p[2]);
        boolean halt = p[3].equals("halt");
        return (s, u, n) -> {
            if (s.equals(stage) && u.equals(unit) && n >= rows) {
                if (halt) {
                    Runtime.getRuntime().halt(137);
                }
                throw new org.cdrbuilder.core.stage.InjectedFaultException("injected fault in " + s + " unit " + u + " after " + n + " rows");
            }
        };
    }
}
