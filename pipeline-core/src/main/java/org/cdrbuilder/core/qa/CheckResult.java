package org.cdrbuilder.core.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one check, with the Data Quality Dashboard's field names and encodings (status flags as 0/1,
 * {@code pctViolatedRows} as a fraction, {@code thresholdValue} as a percentage) so that its viewers read our
 * {@code report.json}. Added fields: {@code severity}, {@code source}, {@code examples} and
 * {@code notApplicableReason}.
 * Status precedence as in the Data Quality Dashboard: error, not applicable, failed, passed.
 */
public final class CheckResult {
    public String checkId;
    public String checkName;
    public String checkLevel;
    public String checkDescription;
    public String cdmTableName;
    public String cdmFieldName;
    /**
     * For checks of the build's accounting: the source the result is about (an input file, a site, the registry),
     * as the release names it. Null for checks of a table's rows.
     */
    public String source;
    public Integer conceptId;
    public Integer unitConceptId;
    public String category;
    public String subcategory;
    public String context;
    public String severity;
    public long numViolatedRows;
    public double pctViolatedRows;
    public long numDenominatorRows;
    /** Seconds of the shared scan of the table that computed this check (checks of a table share one pass). */
    public String executionTime;
    public double thresholdValue;
    public String notesValue;
    public int failed;
    public int passed;
    public int isError;
    public int notApplicable;
    public String notApplicableReason;
    public String error;
    public List<Map<String, Object>> examples = new ArrayList<>();

    /** Evaluates counts against settings. */
    public static CheckResult of(CheckType type, CheckKey key, CheckSettings settings, Violations v,
                                 Map<String, String> parameters, double scanSeconds) {
        CheckResult r = base(type, key, settings, parameters, scanSeconds);
        r.numViolatedRows = v.violated();
        r.numDenominatorRows = v.denominator();
        r.pctViolatedRows = v.denominator() == 0 ? 0 : (double) v.violated() / v.denominator();
        if (v.denominator() == 0) {
            r.notApplicable = 1;
            r.notApplicableReason = "no rows to check (empty table, field without values, or concept not present)";
        } else if (r.pctViolatedRows * 100 > settings.thresholdValue()) {
            r.failed = 1;
            r.examples.addAll(v.examples());
        } else {
            r.passed = 1;
            if (v.violated() > 0) {
                r.examples.addAll(v.examples());
            }
        }
        return r;
    }

    /** A check that could not be computed. */
    public static CheckResult error(CheckType type, CheckKey key, CheckSettings settings, String message) {
        CheckResult r = base(type, key, settings, Map.of(), 0);
        r.isError = 1;
        r.error = message;
        return r;
    }

    private static CheckResult base(CheckType type, CheckKey key, CheckSettings settings, Map<String, String> parameters,
                                    double scanSeconds) {
        CheckResult r = new CheckResult();
        r.checkId = key.id();
        r.checkName = key.checkName();
        r.checkLevel = key.level().name();
        r.checkDescription = type.describe(key, parameters);
        r.cdmTableName = key.table();
        r.cdmFieldName = key.field();
        r.conceptId = key.conceptId();
        r.unitConceptId = key.unitConceptId();
        r.category = type.category().label();
        r.subcategory = type.subcategory();
        r.context = type.context();
        r.severity = settings.severity().label();
        r.thresholdValue = settings.thresholdValue();
        r.notesValue = settings.notes();
        r.executionTime = String.format(java.util.Locale.ROOT, "%.3f secs", scanSeconds);
        return r;
    }

    /** Failed or in error: counts against the release (and blocks it when fatal). */
    public boolean failedOrError() {
        return failed == 1 || isError == 1;
    }

    /** A failed or erroneous fatal check. */
    public boolean blocksPublication() {
        return failedOrError() && Severity.FATAL.label().equals(severity);
    }
}
