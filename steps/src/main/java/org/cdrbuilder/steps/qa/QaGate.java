package org.cdrbuilder.steps.qa;

import org.cdrbuilder.core.qa.QaReport;

/**
 * The publication gate: a failed (or erroneous) fatal check blocks the release unless an operator accepted the
 * failures with a reason, which is recorded.
 */
public final class QaGate {
    private QaGate() {
    }

    /** Records the decision in the report's {@code Gate} block; returns whether publication may go ahead. */
    public static boolean decide(QaReport report, String acceptedReason) {
        report.gate.failedFatalChecks = report.blockingChecks();
        report.gate.acceptedReason = null;
        if (report.gate.failedFatalChecks.isEmpty()) {
            report.gate.status = "passed";
            return true;
        }
        if (acceptedReason != null && !acceptedReason.isBlank()) {
            report.gate.status = "accepted";
            report.gate.acceptedReason = acceptedReason;
            return true;
        }
        report.gate.status = "blocked";
        return false;
    }

    /** The message of a blocked gate: which checks failed and how to look or override. */
    public static String message(QaReport report, String tier, Object reportLocation) {
        StringBuilder sb = new StringBuilder("publication of tier ").append(tier).append(" blocked: ")
                .append(report.gate.failedFatalChecks.size()).append(" fatal QA check(s) failed:");
        int shown = 0;
        for (String c : report.gate.failedFatalChecks) {
            if (shown++ == 10) {
                sb.append("\n  ... and ").append(report.gate.failedFatalChecks.size() - 10).append(" more");
                break;
            }
            sb.append("\n  ").append(c);
        }
        sb.append("\nreport: ").append(reportLocation)
                .append("\nfix the data, or publish anyway with --accept-failed-qa \"<reason>\" (the reason is recorded)");
        return sb.toString();
    }
}
