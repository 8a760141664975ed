package org.cdrbuilder.core.qa;

import static java.util.Objects.requireNonNull;

/**
 * The configured judgement of one check: its severity, the percentage of violating rows it tolerates, and a note
 * for QA staff.
 *
 * @param thresholdValue percent of the denominator that may violate the check (0 = none may)
 */
public record CheckSettings(Severity severity, double thresholdValue, String notes) {
    public CheckSettings {
        requireNonNull(severity, "severity is null");
        if (thresholdValue < 0 || thresholdValue > 100 || Double.isNaN(thresholdValue)) {
            throw new IllegalArgumentException("threshold must be a percentage from 0 to 100: " + thresholdValue);
        }
        notes = notes == null ? "" : notes;
    }
}
