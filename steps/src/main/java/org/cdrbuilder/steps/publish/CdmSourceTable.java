package org.cdrbuilder.steps.publish;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.CdmSourceSettings;
import org.cdrbuilder.core.config.CodeVersion;
import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

/**
 * The one row of a tier's OMOP {@code cdm_source} table, which the Data Quality Dashboard, Achilles and ATLAS read
 * first: the tier's name and abbreviation (its profile), the holder, description and references (release.yaml
 * {@code cdm_source}), the cutoff as the source release date, the configured release date (the cutoff when unset:
 * never the wall clock, so the same build writes the same bytes), CDM 5.4 and the vocabulary's version.
 */
public final class CdmSourceTable {
    public static final String TABLE = "cdm_source";
    /** The concept of OMOP CDM version 5.4 (vocabulary "CDM", domain Metadata). */
    public static final int CDM_54_CONCEPT = 756265;
    public static final String CDM_VERSION = "5.4";

    private CdmSourceTable() {
    }

    /** The row of {@code tier}, whose profile is {@code profile}, built with {@code settings}. */
    public static Row row(BuildSettings settings, String tier, TierProfile profile, String vocabularyVersion) {
        requireNonNull(profile, "profile is null");
        TableDef table = CdrSchema.get().table(TABLE);
        CdmSourceSettings c = settings.cdmSource();
        LocalDate cutoff = settings.cutoffDate();
        String description = (c.sourceDescription().isEmpty() ? "" : c.sourceDescription() + " ")
                + "Release " + settings.version() + ", " + tier + " tier, data up to " + cutoff + ".";
        String etl = (c.etlReference().isEmpty() ? "cdr-builder" : c.etlReference()) + " " + CodeVersion.get();
        return new Row(table)
                .set("cdm_source_name", profile.cdmSourceName.strip())
                .set("cdm_source_abbreviation", profile.cdmSourceAbbreviation.strip())
                .set("cdm_holder", c.holder())
                .set("source_description", description)
                .set("source_documentation_reference", c.documentationReference().isEmpty() ? null
                        : c.documentationReference())
                .set("cdm_etl_reference", fit(etl, table.column("cdm_etl_reference").maxLength()))
                .set("source_release_date", cutoff)
                .set("cdm_release_date", c.releaseDate() == null ? cutoff : c.releaseDate())
                .set("cdm_version", CDM_VERSION)
                .set("cdm_version_concept_id", CDM_54_CONCEPT)
                .set("vocabulary_version", fit(vocabularyVersion == null || vocabularyVersion.isBlank() ? "unknown"
                        : vocabularyVersion.strip(), table.column("vocabulary_version").maxLength()));
    }

    /**
     * {@code text} within {@code max} characters: whole words while they fit (Athena's "v5.0 30-AUG-24 (subset)"
     * keeps "v5.0 30-AUG-24"), else cut. The vocabulary table keeps the version whole.
     */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return (space > 0 ? text.substring(0, space) : text.substring(0, max)).strip();
    }
}
