package org.cdrbuilder.core.qa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseConfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The QA engine's settings, {@code config/qa/qa.yaml}: which table groups are checked, how many examples a failed
 * check keeps, the windows of the temporal checks, and when the comparison with the previous release flags a change.
 * Unknown keys are errors.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class QaSettings {
    public static final String FILE = "qa.yaml";

    /** Table groups (schema changeSet labels) whose tables are checked; vocabulary tables are big and not ours. */
    public List<String> tableGroups = new ArrayList<>(List.of("omop", "ext", "wearables", "metadata"));
    /** Example violating rows kept per check. */
    public int examples = 5;
    /** Events this many days after death still count as plausible (the Data Quality Dashboard uses 60). */
    public int deathGraceDays = 60;
    /** Events this many days before a visit's start or after its end still count as within the visit. */
    public int visitWindowDays = 7;
    /** A change in rows or participants beyond this percentage is flagged in the release comparison. */
    public double comparisonFlagPercent = 10;
    /** Concepts listed per table among those that appeared or vanished. */
    public int comparisonConceptsShown = 25;
    /**
     * Shares of one file's or one table's rows (quarantined, removed by a rule) are judged from this many rows;
     * below it a single bad row would be a large share. Registry and whole-source shares are always judged.
     */
    public long accountingMinRows = 20;

    /** Reads {@code dir/qa.yaml}. */
    public static QaSettings read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("QA settings not found: " + file);
        }
        QaSettings s = ReleaseConfig.readYaml(file, QaSettings.class);
        if (s == null) {
            return new QaSettings();
        }
        if (s.examples < 0 || s.deathGraceDays < 0 || s.visitWindowDays < 0 || s.comparisonFlagPercent < 0
                || s.comparisonConceptsShown < 0 || s.accountingMinRows < 0) {
            throw new ConfigException(file + ": values must not be negative");
        }
        return s;
    }
}
