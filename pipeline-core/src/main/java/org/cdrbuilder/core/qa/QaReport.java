package org.cdrbuilder.core.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code qa/report.json}: shaped like the Data Quality Dashboard's results file (start and end timestamps,
 * execution time, {@code CheckResults}, {@code Metadata}, {@code Overview}) so that its viewers open it, plus the
 * time of each table's shared scan ({@code Timings}) and the publication gate's decision ({@code Gate}).
 */
public final class QaReport {
    public String startTimestamp;
    public String endTimestamp;
    public String executionTime;
    public double executionTimeSeconds;
    @JsonProperty("CheckResults")
    public List<CheckResult> checkResults = new ArrayList<>();
    /** One entry, like the CDM_SOURCE row the Data Quality Dashboard reports. */
    @JsonProperty("Metadata")
    public List<Map<String, Object>> metadata = new ArrayList<>();
    @JsonProperty("Overview")
    public QaOverview overview = new QaOverview();
    @JsonProperty("Timings")
    public List<TableTiming> timings = new ArrayList<>();
    @JsonProperty("Gate")
    public Gate gate = new Gate();

    /** One table's scan: rows read, checks computed on it, wall-clock and CPU seconds of the scanning thread. */
    public static final class TableTiming {
        public String cdmTableName;
        public long rows;
        public int checks;
        public double seconds;
        public double cpuSeconds;
    }

    /** Whether publication may go ahead. */
    public static final class Gate {
        /** {@code passed}, {@code blocked} or {@code accepted} (failed fatal checks accepted by an operator). */
        public String status = "passed";
        public List<String> failedFatalChecks = new ArrayList<>();
        public String acceptedReason;
    }

    /** Failed (or erroneous) fatal checks, as "checkName table.field" lines. */
    public List<String> blockingChecks() {
        List<String> out = new ArrayList<>();
        for (CheckResult r : checkResults) {
            if (r.blocksPublication() && r.source != null) {
                out.add(r.checkName + " " + r.source + ": " + r.checkDescription + " (" + r.numViolatedRows + " of "
                        + r.numDenominatorRows + ", " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * r.pctViolatedRows)
                        + "; at most " + r.thresholdValue + "% allowed)");
            } else if (r.blocksPublication()) {
                out.add(r.checkName + " " + r.cdmTableName + (r.cdmFieldName == null ? "" : "." + r.cdmFieldName)
                        + (r.conceptId == null ? "" : " concept " + r.conceptId) + ": " + r.numViolatedRows
                        + " of " + r.numDenominatorRows + " rows" + (r.isError == 1 ? " (error: " + r.error + ")" : ""));
            }
        }
        return out;
    }

    /** The metadata entry (created on first use). */
    public Map<String, Object> metadataEntry() {
        if (metadata.isEmpty()) {
            metadata.add(new LinkedHashMap<>());
        }
        return metadata.get(0);
    }
}
