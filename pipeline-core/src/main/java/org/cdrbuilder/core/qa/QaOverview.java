package org.cdrbuilder.core.qa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary block of {@code report.json}: the Data Quality Dashboard's {@code Overview} counts (total, passed,
 * failed by threshold or error, per Kahn category) plus counts per severity.
 */
public final class QaOverview {
    public long countTotal;
    public long countPassed;
    public long countErrorFailed;
    public long countThresholdFailed;
    public long countOverallFailed;
    public long countNotApplicable;
    public double percentPassed;
    public double percentFailed;
    public long countTotalPlausibility;
    public long countTotalConformance;
    public long countTotalCompleteness;
    public long countFailedPlausibility;
    public long countFailedConformance;
    public long countFailedCompleteness;
    public long countPassedPlausibility;
    public long countPassedConformance;
    public long countPassedCompleteness;
    /** Per severity: total, passed, failed, notApplicable. */
    public Map<String, Map<String, Long>> bySeverity = new LinkedHashMap<>();

    public static QaOverview of(List<CheckResult> results) {
        QaOverview o = new QaOverview();
        for (Severity s : Severity.values()) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String k : List.of("total", "passed", "failed", "notApplicable")) {
                m.put(k, 0L);
            }
            o.bySeverity.put(s.label(), m);
        }
        for (CheckResult r : results) {
            o.countTotal++;
            boolean failed = r.failedOrError();
            if (r.isError == 1) {
                o.countErrorFailed++;
            } else if (r.failed == 1) {
                o.countThresholdFailed++;
            }
            if (failed) {
                o.countOverallFailed++;
            }
            if (r.passed == 1) {
                o.countPassed++;
            }
            if (r.notApplicable == 1) {
                o.countNotApplicable++;
            }
            switch (r.category) {
                case "Plausibility" -> {
                    o.countTotalPlausibility++;
                    o.countFailedPlausibility += failed ? 1 : 0;
                    o.countPassedPlausibility += r.passed;
                }
                case "Conformance" -> {
                    o.countTotalConformance++;
                    o.countFailedConformance += failed ? 1 : 0;
                    o.countPassedConformance += r.passed;
                }
                default -> {
                    o.countTotalCompleteness++;
                    o.countFailedCompleteness += failed ? 1 : 0;
                    o.countPassedCompleteness += r.passed;
                }
            }
            Map<String, Long> s = o.bySeverity.get(r.severity);
            s.merge("total", 1L, Long::sum);
            s.merge(failed ? "failed" : r.passed == 1 ? "passed" : "notApplicable", 1L, Long::sum);
        }
        long decided = o.countPassed + o.countOverallFailed;
        o.percentPassed = decided == 0 ? 0 : Math.round(o.countPassed * 10000.0 / decided) / 100.0;
        o.percentFailed = decided == 0 ? 0 : Math.round(o.countOverallFailed * 10000.0 / decided) / 100.0;
        return o;
    }
}
