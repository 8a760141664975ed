package org.cdrbuilder.steps.qa;

import java.time.LocalDate;
import java.util.Map;

import org.cdrbuilder.core.config.CodeVersion;
import org.cdrbuilder.core.qa.QaReport;

/** The {@code Metadata} entry of a report, in the Data Quality Dashboard's CDM_SOURCE terms. */
final class QaMetadata {
    private QaMetadata() {
    }

    static void fill(QaReport report, String version, String tier, String cutoff, String vocabularyVersion,
                     Map<String, String> extra) {
        Map<String, Object> m = report.metadataEntry();
        m.put("CDM_SOURCE_NAME", "Curated Data Repository " + version + " (" + tier + ")");
        m.put("CDM_SOURCE_ABBREVIATION", version + "-" + tier);
        m.put("CDM_HOLDER", "cdr-builder");
        m.put("SOURCE_DESCRIPTION", "Participant-provided data, physical measurements, Fitbit and EHR of many sites, "
                + "harmonized to OMOP CDM 5.4");
        m.put("SOURCE_RELEASE_DATE", cutoff);
        m.put("CDM_RELEASE_DATE", LocalDate.now().toString());
        m.put("CDM_VERSION", "5.4");
        m.put("VOCABULARY_VERSION", vocabularyVersion);
        m.put("DQD_VERSION", "cdr-builder " + CodeVersion.get());
        m.put("release_version", version);
        m.put("tier", tier);
        m.put("cutoff_date", cutoff);
        m.putAll(extra);
    }
}
