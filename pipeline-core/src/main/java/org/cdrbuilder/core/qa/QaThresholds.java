package org.cdrbuilder.core.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cdrbuilder.core.config.ConfigException;

/**
 * Severity, threshold and notes of every check, from two files in the QA configuration directory: defaults per check
 * type ({@value #DEFAULTS}: checkName, severity, thresholdValue, notesValue) and overrides per table, field, concept
 * and unit ({@value #OVERRIDES}: checkName, cdmTableName, cdmFieldName, conceptId, unitConceptId, severity,
 * thresholdValue, notesValue; blank cells match anything and inherit). The most specific matching override wins;
 * between equally specific ones, the later line.
 */
public final class QaThresholds {
    public static final String DEFAULTS = "check-defaults.csv";
    public static final String OVERRIDES = "thresholds.csv";

    private final Map<String, CheckSettings> defaults;
    private final Map<String, List<Adjustment>> overrides;

    private record Adjustment(String table, String field, Integer conceptId, Integer unitConceptId, String severity,
                            Double threshold, String notes) {
        boolean matches(CheckKey k) {
            return (table == null || table.equals(k.table())) && (field == null || field.equals(k.field()))
                    && (conceptId == null || conceptId.equals(k.conceptId()))
                    && (unitConceptId == null || unitConceptId.equals(k.unitConceptId()));
        }

        int specificity() {
            return (table == null ? 0 : 1) + (field == null ? 0 : 2) + (conceptId == null ? 0 : 4)
                    + (unitConceptId == null ? 0 : 8);
        }
    }

    private QaThresholds(Map<String, CheckSettings> defaults, Map<String, List<Adjustment>> overrides) {
        this.defaults = defaults;
        this.overrides = overrides;
    }

    /**
     * Reads the two files of {@code dir}. Every known check type needs a default; unknown check names and bad values
     * are refused with the file and line.
     */
    public static QaThresholds read(Path dir, Collection<String> knownChecks) {
        Map<String, CheckSettings> defaults = new HashMap<>();
        for (ConfigTable.Row r : ConfigTable.read(dir.resolve(DEFAULTS), "checkName", "severity", "thresholdValue")) {
            String name = known(r, knownChecks);
            defaults.put(name, settings(r, Severity.parse(r.require("severity")), r.number("thresholdValue"),
                    r.get("notesValue")));
        }
        for (String c : knownChecks) {
            if (!defaults.containsKey(c)) {
                throw new ConfigException(dir.resolve(DEFAULTS) + ": no default for check " + c);
            }
        }
        Map<String, List<Adjustment>> overrides = new HashMap<>();
        for (ConfigTable.Row r : ConfigTable.read(dir.resolve(OVERRIDES), "checkName", "cdmTableName", "cdmFieldName",
                "conceptId", "unitConceptId", "severity", "thresholdValue", "notesValue")) {
            String name = known(r, knownChecks);
            String severity = r.get("severity");
            if (severity != null) {
                parseSeverity(r, severity);
            }
            Double threshold = r.number("thresholdValue");
            if (threshold != null && (threshold < 0 || threshold > 100)) {
                throw new ConfigException(r.where() + ": thresholdValue must be a percentage from 0 to 100");
            }
            overrides.computeIfAbsent(name, k -> new ArrayList<>()).add(new Adjustment(r.get("cdmTableName"),
                    r.get("cdmFieldName"), r.integer("conceptId"), r.integer("unitConceptId"), severity, threshold,
                    r.get("notesValue")));
        }
        return new QaThresholds(defaults, overrides);
    }

    /** Settings for tests and tools: one default for every check, no overrides. */
    public static QaThresholds uniform(Collection<String> checks, CheckSettings settings) {
        Map<String, CheckSettings> d = new HashMap<>();
        checks.forEach(c -> d.put(c, settings));
        return new QaThresholds(d, Map.of());
    }

    /** The settings of one check: its type's default with the matching overrides applied. */
    public CheckSettings settings(CheckKey key) {
        CheckSettings d = defaults.get(key.checkName());
        if (d == null) {
            throw new IllegalArgumentException("no QA settings for check " + key.checkName());
        }
        Severity severity = d.severity();
        double threshold = d.thresholdValue();
        String notes = d.notes();
        int bestSeverity = -1;
        int bestThreshold = -1;
        int bestNotes = -1;
        for (Adjustment o : overrides.getOrDefault(key.checkName(), List.of())) {
            if (!o.matches(key)) {
                continue;
            }
            int s = o.specificity();
            if (o.severity() != null && s >= bestSeverity) {
                severity = Severity.parse(o.severity());
                bestSeverity = s;
            }
            if (o.threshold() != null && s >= bestThreshold) {
                threshold = o.threshold();
                bestThreshold = s;
            }
            if (o.notes() != null && s >= bestNotes) {
                notes = o.notes();
                bestNotes = s;
            }
        }
        return new CheckSettings(severity, threshold, notes);
    }

    private static String known(ConfigTable.Row r, Collection<String> knownChecks) {
        String name = r.require("checkName");
        if (!knownChecks.contains(name)) {
            throw new ConfigException(r.where() + ": unknown check " + name + " (known: " + knownChecks + ")");
        }
        return name;
    }

    private static void parseSeverity(ConfigTable.Row r, String severity) {
        try {
            Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(r.where() + ": " + e.getMessage());
        }
    }

    private static CheckSettings settings(ConfigTable.Row r, Severity severity, Double threshold, String notes) {
        try {
            return new CheckSettings(severity, Objects.requireNonNull(threshold, "thresholdValue"), notes);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(r.where() + ": " + e.getMessage());
        }
    }
}
