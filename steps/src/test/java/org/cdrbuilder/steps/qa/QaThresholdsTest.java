package org.cdrbuilder.steps.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cdrbuilder.core.qa.CheckKey;
import org.cdrbuilder.core.qa.CheckSettings;
import org.cdrbuilder.core.qa.QaThresholds;
import org.cdrbuilder.core.qa.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaThresholdsTest {
    @TempDir
    Path tmp;

    @Test
    void theMostSpecificOverrideWins_perSetting_andBlankCellsInherit() {
        Path config = QaTestKit.configWith(tmp, "thresholds.csv", "plausibleValueHigh,measurement,,,,convention,,table note",
                "thresholds.csv", "plausibleValueHigh,measurement,measurement_concept_id,3004501,,,7,",
                "thresholds.csv", "plausibleValueHigh,,measurement_concept_id,3004501,8840,,9,");
        QaThresholds t = QaThresholds.read(config, QaCatalog.configuredNames(QaCatalog.discover()));
        CheckSettings glucoseMgDl = t.settings(CheckKey.concept("plausibleValueHigh", "measurement",
                "measurement_concept_id", 3004501, 8840));
        assertThat(glucoseMgDl).isEqualTo(new CheckSettings(Severity.CONVENTION, 9, "table note"));
        CheckSettings glucose = t.settings(CheckKey.concept("plausibleValueHigh", "measurement",
                "measurement_concept_id", 3004501, 8753));
        assertThat(glucose.thresholdValue()).isEqualTo(7);
        CheckSettings other = t.settings(CheckKey.field("plausibleValueHigh", "drug_exposure", "days_supply"));
        assertThat(other).isEqualTo(new CheckSettings(Severity.CHARACTERIZATION, 1, ""));
        assertThat(t.settings(CheckKey.table("measurePersonCompleteness", "observation_period")).severity())
                .isEqualTo(Severity.CONVENTION);
        assertThat(t.settings(CheckKey.field("isForeignKey", "person", "gender_concept_id")).severity())
                .isEqualTo(Severity.FATAL);
    }
}
