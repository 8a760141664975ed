package org.cdrbuilder.steps.testing;

import static org.cdrbuilder.core.testing.TestFiles.write;

import java.nio.file.Path;

/**
 * A hand-written drop small enough to reason about row by row: one site, a few participants in every registry
 * state, one row per interesting case. Tests assert exact outcomes on it.
 */
public final class MiniDrop {
    private MiniDrop() {
    }

    public static final String REGISTRY_HEADER = "participant_id,first_name,last_name,email,phone,street_address,zip_code,state,"
            + "date_of_birth,primary_consent_date,ehr_consent,ehr_consent_date,withdrawal_date,deactivation_date,"
            + "hpo_site_id,enrollment_status,core_participant_date,biospecimen_date";

    /** Writes the vocabulary (Athena, tab-delimited) to {@code dir}. */
    public static Path vocabulary(Path dir) {
        String t = "\t";
        write(dir.resolve("CONCEPT.csv"),
                String.join(t, "concept_id", "concept_name", "domain_id", "vocabulary_id", "concept_class_id",
                        "standard_concept", "concept_code", "valid_start_date", "valid_end_date", "invalid_reason"),
                String.join(t, "0", "No matching concept", "Metadata", "None", "Undefined", "", "No matching concept", "19700101", "20991231", ""),
                String.join(t, "320128", "Essential hypertension", "Condition", "SNOMED", "Clinical Finding", "S", "59621000", "19700101", "20991231", ""),
                String.join(t, "35207668", "Essential (primary) hypertension", "Condition", "ICD10CM", "3-char billing code", "", "I10", "19700101", "20991231", ""),
                String.join(t, "201826", "Type 2 diabetes mellitus", "Condition", "SNOMED", "Clinical Finding", "S", "44054006", "19700101", "20991231", ""),
                String.join(t, "9202", "Outpatient Visit", "Visit", "Visit", "Visit", "S", "OP", "19700101", "20991231", ""),
                String.join(t, "32817", "EHR", "Type Concept", "Type Concept", "Type Concept", "S", "OMOP4976890", "19700101", "20991231", ""),
                String.join(t, "8507", "MALE", "Gender", "Gender", "Gender", "S", "M", "19700101", "20991231", ""),
                String.join(t, "8532", "FEMALE", "Gender", "Gender", "Gender", "S", "F", "19700101", "20991231", ""),
                String.join(t, "1503297", "metformin", "Drug", "RxNorm", "Ingredient", "S", "6809", "19700101", "20991231", ""),
                String.join(t, "44814724", "Period covering healthcare encounters", "Type Concept", "Type Concept", "Type Concept", "S", "OMOP4822240", "19700101", "20991231", ""));
        write(dir.resolve("CONCEPT_RELATIONSHIP.csv"),
                String.join(t, "concept_id_1", "concept_id_2", "relationship_id", "valid_start_date", "valid_end_date", "invalid_reason"),
                String.join(t, "35207668", "320128", "Maps to", "19700101", "20991231", ""),
                String.join(t, "320128", "35207668", "Mapped from", "19700101", "20991231", ""));
        write(dir.resolve("VOCABULARY.csv"),
                String.join(t, "vocabulary_id", "vocabulary_name", "vocabulary_reference", "vocabulary_version", "vocabulary_concept_id"),
                String.join(t, "None", "OMOP Standardized Vocabularies", "OMOP generated", "v5.0 TEST", "44819096"));
        return dir;
    }

    /**
     * Settings for the mini drop in {@code tmp} (drop, vocabulary, and a copy of the QA configuration): one row in
     * five of its registry and site is bad on purpose, far above what the accounting checks allow a real drop, so
     * its QA thresholds for those shares are raised as an operator would raise them, in {@code thresholds.csv}.
     */
    public static org.cdrbuilder.core.config.BuildSettings settings(Path tmp) {
        return settings(tmp, java.util.List.of());
    }

    /** As {@link #settings(Path)}, with more release.yaml lines. */
    public static org.cdrbuilder.core.config.BuildSettings settings(Path tmp, java.util.List<String> extraYaml) {
        Path qa = tmp.resolve("config/qa");
        try {
            Path repoQa = org.cdrbuilder.core.testing.TestFiles.repoRoot().resolve("config/qa");
            java.nio.file.Files.createDirectories(qa);
            try (var files = java.nio.file.Files.list(repoQa)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, qa.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            java.nio.file.Files.writeString(qa.resolve("thresholds.csv"), String.join("\n",
                    "registryRowsQuarantined,,,,,,25,mini drop: one registry row in five is bad on purpose",
                    "participantsMissing,,,,,,25,mini drop: one registry row in five is bad on purpose",
                    "sourceRowsQuarantined,,,,,,25,mini drop: two site rows in thirteen are bad on purpose",
                    "sourceRowsRemoved,,,,,,100,mini drop: rows of unknown persons on purpose") + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return org.cdrbuilder.core.testing.TestSettings.of(tmp, drop(tmp.resolve("drop")), vocabulary(tmp.resolve("vocab")),
                "v1", java.util.stream.Stream.concat(java.util.stream.Stream.of("qa: " + qa), extraYaml.stream()).toList());
    }

    /** Writes the drop to {@code dir}. */
    public static Path drop(Path dir) {
        write(dir.resolve("participants/participants.csv"),
                REGISTRY_HEADER,
                "P1001,Alice,Zebulon,alice@example.org,555-0101,1 Main St,10001,NY,1970-03-04,2019-01-01,yes,2019-01-01,,,site_a,core_participant,2019-02-01,2019-02-01",
                "P1002,Bob,Quixote,bob@example.org,555-0102,2 Main St,10002,NY,1980-05-06,2019-03-01,no,,,,site_a,participant,,",
                "P1003,Carol,Xavier,carol@example.org,555-0103,3 Main St,10003,NY,1990-07-08,,no,,,,site_a,registered,,",
                "P1004,Dan,Yellowstone,dan@example.org,555-0104,4 Main St,10004,NY,1960-09-10,2019-04-01,yes,2019-04-01,2020-01-01,,site_a,participant,,",
                "X12,Eve,Wolfgang,eve@example.org,555-0105,5 Main St,10005,NY,1965-01-01,2019-05-01,yes,2019-05-01,,,site_a,participant,,");
        Path old = dir.resolve("ehr/site_a/2023-06-01-v1");
        write(old.resolve("condition_occurrence.csv"), "garbage");
        Path s = dir.resolve("ehr/site_a/2024-01-01-v2");
        write(s.resolve("person.csv"),
                "person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,person_source_value",
                "1001,8532,1970,0,0,MRN-0001");
        write(s.resolve("visit_occurrence.csv"),
                "visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_start_datetime,visit_end_date,visit_type_concept_id,admitting_source_concept_id",
                "11,1001,9202,2020-01-10,2020-01-10 09:30:00.000000 UTC,2020-01-10,32817,0",
                "12,1002,9202,2021-06-01,2021-06-01T10:00:00Z,2021-06-02,32817,",
                "11,1001,9202,2020-01-11,,2020-01-11,32817,",
                "13,9999,9202,2020-02-01,,2020-02-01,32817,");
        write(s.resolve("condition_occurrence.csv"),
                "condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_start_datetime,condition_end_date,condition_type_concept_id,visit_occurrence_id,condition_source_value,condition_source_concept_id,provider_id",
                "1,1001,0,2020-01-10,2020-01-10 09:45:00,,32817,11,I10,,77",
                "2,1001,201826,2019-12-01,,2019-12-31,32817,99,E11.9,,",
                "3,1002,320128,2020-13-45,,,32817,12,I10,,",
                "4,1003,320128,2020-02-02,,,32817,,I10,,",
                "5,1004,320128,2020-02-02,,,32817,,I10,,",
                "6,9999,320128,2020-02-02,,,32817,,I10,,");
        write(s.resolve("drug_exposure.csv"),
                "drug_exposure_id,person_id,drug_concept_id,drug_exposure_start_date,drug_exposure_end_date,drug_type_concept_id,days_supply,drug_source_value",
                "1,1001,1503297,2020-03-01,2020-03-31,32817,30,metformin 500mg");
        write(s.resolve("note.csv"),
                "note_id,person_id,note_date,note_type_concept_id,note_class_concept_id,note_text,encoding_concept_id,language_concept_id",
                "1,1001,2020-01-10,0,0,Patient Alice Zebulon called from 555-0101,0,0");
        write(s.resolve("pii_name.csv"), "person_id,first_name", "1001,Alice");
        return dir;
    }
}
