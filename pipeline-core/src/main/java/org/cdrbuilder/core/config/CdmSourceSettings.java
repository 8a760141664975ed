package org.cdrbuilder.core.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The program-wide values of the OMOP {@code cdm_source} table ({@code cdm_source} in release.yaml); each tier's
 * profile adds its name and abbreviation. Checked against the table's column lengths when read, so a release never
 * fails to load because of its own description.
 *
 * @param releaseDate cdm_release_date, or null for the cutoff date (never the wall clock: the table is data, and
 *                    the same build gives the same bytes)
 */
public record CdmSourceSettings(String holder, String sourceDescription, String documentationReference,
                                String etlReference, LocalDate releaseDate) {
    /** Longest value of the VARCHAR(255) columns (cdm_holder, source_documentation_reference, cdm_etl_reference). */
    public static final int MAX_TEXT = 255;

    public CdmSourceSettings {
        requireNonNull(holder, "holder is null");
        requireNonNull(sourceDescription, "sourceDescription is null");
        requireNonNull(documentationReference, "documentationReference is null");
        requireNonNull(etlReference, "etlReference is null");
    }

    static CdmSourceSettings from(ReleaseConfig.CdmSource c, String file) {
        String holder = strip(c.holder);
        if (holder.isEmpty()) {
            throw new ConfigException(file + ": cdm_source.holder is missing (cdm_source.cdm_holder is NOT NULL in "
                    + "OMOP CDM 5.4: who holds the release)");
        }
        check(file, "cdm_source.holder", holder, MAX_TEXT);
        String doc = strip(c.documentationReference);
        check(file, "cdm_source.documentation_reference", doc, MAX_TEXT);
        String etl = strip(c.etlReference);
        // the code version is appended: keep room for it
        check(file, "cdm_source.etl_reference", etl, MAX_TEXT - 64);
        LocalDate date = null;
        String d = strip(c.releaseDate);
        if (!d.isEmpty()) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new ConfigException(file + ": cdm_source.release_date must be YYYY-MM-DD: '" + d + "'");
            }
        }
        return new CdmSourceSettings(holder, strip(c.sourceDescription), doc, etl, date);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static void check(String file, String setting, String value, int max) {
        if (value.length() > max) {
            throw new ConfigException(file + ": " + setting + " has " + value.length() + " characters; at most " + max
                    + " fit the cdm_source column");
        }
    }
}
