package org.cdrbuilder.core.qa;

import java.util.Locale;

/**
 * How much a failed check matters, as in the Data Quality Dashboard. Only a failed {@link #FATAL} check blocks
 * publication; the others are for QA staff to read.
 */
public enum Severity {
    /** The release breaks the model (missing required values, duplicate or dangling keys): users' queries go wrong. */
    FATAL,
    /** The release departs from an OMOP convention (non-standard concepts, wrong domains, unmapped codes). */
    CONVENTION,
    /** A property of the data worth knowing (implausible values, sparse fields); not an error in itself. */
    CHARACTERIZATION;

    /** Lower-case name used in configuration and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configured severity ({@code fatal}, {@code convention}, {@code characterization}). */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (fatal, convention or characterization)");
    }
}
