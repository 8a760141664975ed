package org.cdrbuilder.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one work unit did, saved as JSON next to its outputs: the inputs it read (with fingerprints), and per table
 * how many rows came in, were quarantined, removed by a named rule, changed, moved to another table, and went out.
 * Unit reports are the raw material of input validation, the ledger and the progress summary.
 */
public final class UnitReport {
    public String unit;
    public String stage;
    public String sourceKind;
    public String site;
    /** Input file relative to its root (drop or vocabulary), when the unit read one. */
    public String file;
    public String sha256;
    public long bytes;
    /** Every input file the unit read, with its fingerprint (one entry for single-file units). */
    public List<InputFile> inputs = new ArrayList<>();
    /** Problems that concern the whole file (unknown columns, unreadable remainder...). */
    public List<FileIssue> issues = new ArrayList<>();
    public Map<String, TableCounts> tables = new TreeMap<>();
    /**
     * Invalid values of fields that do not decide whether a row is usable, left empty instead ("field: reason" to
     * count; the rows were kept). Never the values themselves.
     */
    public Map<String, Long> valuesDropped = new TreeMap<>();
    /** The first few dropped values: line (or pointer), field and reason. */
    public List<Map<String, Object>> valuesDroppedExamples = new ArrayList<>();
    /** Stage-specific facts (e.g. the files a publish unit wrote). */
    public Map<String, Object> details = new TreeMap<>();
    public long millis;

    /** Rows accepted with a warning ("table: reason" to count), e.g. codes the vocabulary does not have. */
    public Map<String, Long> warnings = new TreeMap<>();
    /** The first few warned rows: file, line or pointer, and reason. */
    public List<Map<String, Object>> warningExamples = new ArrayList<>();

    /** Records a row accepted with a warning. */
    public void warned(String reason, String file, Long line, String pointer, int examples) {
        warnings.merge(reason, 1L, Long::sum);
        if (warningExamples.size() < examples) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            if (file != null) {
                e.put("file", file);
            }
            if (line != null) {
                e.put("line", line);
            }
            if (pointer != null) {
                e.put("pointer", pointer);
            }
            e.put("reason", reason);
            warningExamples.add(e);
        }
    }

    /** Records a value that was dropped from a kept row. */
    public void valueDropped(Long line, String field, String reason, int examples) {
        valuesDropped.merge(field + ": " + reason, 1L, Long::sum);
        if (valuesDroppedExamples.size() < examples) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            if (line != null) {
                e.put("line", line);
            }
            e.put("field", field);
            e.put("reason", reason);
            valuesDroppedExamples.add(e);
        }
    }

    public TableCounts table(String name) {
        // rows of one table arrive in runs: the last table's counts are kept to spare a tree lookup per row
        String last = lastTableName;
        if (last != null && lastMap == tables && (last == name || last.equals(name))) {
            return lastCounts;
        }
        TableCounts c = tables.computeIfAbsent(name, k -> new TableCounts());
        lastTableName = name;
        lastCounts = c;
        lastMap = tables;
        return c;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    private transient String lastTableName;
    @com.fasterxml.jackson.annotation.JsonIgnore
    private transient TableCounts lastCounts;
    @com.fasterxml.jackson.annotation.JsonIgnore
    private transient Map<String, TableCounts> lastMap;

    /** An input file and its fingerprint. */
    public static final class InputFile {
        public String file;
        public long bytes;
        public String sha256;

        public InputFile() {
        }

        public InputFile(String file, long bytes, String sha256) {
            this.file = file;
            this.bytes = bytes;
            this.sha256 = sha256;
        }
    }

    /** A file-level finding. */
    public static final class FileIssue {
        public String severity; // error | warning
        public String message;
        public Long line;

        public FileIssue() {
        }

        public FileIssue(String severity, String message, Long line) {
            this.severity = severity;
            this.message = message;
            this.line = line;
        }
    }

    /** Row accounting of one table within one unit. */
    public static final class TableCounts {
        /** Rows read from the source (ingest) or from the previous stage. */
        public long in;
        public long quarantined;
        /** Rows removed, by rule id. */
        public Map<String, Long> removed = new TreeMap<>();
        /** Rows changed in place, by rule id. */
        public Map<String, Long> changed = new TreeMap<>();
        /** Rows moved to another table, by target table. */
        public Map<String, Long> movedOut = new TreeMap<>();
        /** Rows received from another table, by origin table. */
        public Map<String, Long> movedIn = new TreeMap<>();
        /** Rows written for the next stage (or published). */
        public long out;
        /** Rows created by the stage (derived tables such as observation_period, backfilled answers). */
        public long created;
        /** Rows created, by rule id (when a rule created them). */
        public Map<String, Long> createdBy = new TreeMap<>();

        public long removedTotal() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }

        public void remove(String rule) {
            removed.merge(rule, 1L, Long::sum);
        }

        public void change(String rule) {
            changed.merge(rule, 1L, Long::sum);
        }
    }
}
