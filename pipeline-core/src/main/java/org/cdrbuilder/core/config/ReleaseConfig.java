package org.cdrbuilder.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The contents of {@code config/release.yaml} as written (paths still relative to the file). Unknown keys are
 * errors, so that a misspelt setting is never silently ignored. See {@link BuildSettings} for the resolved form.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class ReleaseConfig {
    public String drop;
    public String vocabulary;
    public String releases;
    public String work;
    @JsonProperty("private")
    public String privateDir;
    public String releaseVersion;
    public String cutoffDate;
    public List<String> tiers = new ArrayList<>();
    public int threads;
    public JobRepository jobRepository = new JobRepository();
    public Parquet parquet = new Parquet();
    /** Width of OMOP row ids in published Parquet: 32 (OMOP CDM 5.4 integer) or 64 (docs/IDS.md). */
    public int idBits = 32;
    /** What the release's cdm_source table says besides the tier's name (docs/IDS.md, README). */
    public CdmSource cdmSource = new CdmSource();
    public String ingest = "ingest.yaml";
    public String demographics = "demographics.yaml";
    public String rules = "rules.yaml";
    public String tierProfiles = "tiers";
    public String qa = "qa";
    /** File holding the privacy key; {@code CDR_PRIVACY_KEY} or --key-file take precedence. */
    public String privacyKeyFile;
    public String snapshot = "snapshot.yaml";
    /** Folder of the concepts and vocabularies the product writes itself. */
    public String vocabularyConfig = "vocabulary";
    public boolean keepWork = true;
    public Map<String, String> extra = new LinkedHashMap<>();

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class JobRepository {
        public String url = "";
        public String username = "";
        public String password = "";
    }

    /** Program-wide values of the OMOP cdm_source table; the name and abbreviation come from each tier's profile. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class CdmSource {
        /** cdm_holder: who holds the release. */
        public String holder = "";
        /** The start of source_description (version, tier and cutoff are appended). */
        public String sourceDescription = "";
        /** source_documentation_reference: where the release is documented. */
        public String documentationReference = "";
        /** cdm_etl_reference: the code that builds the release (its version is appended). */
        public String etlReference = "";
        /** cdm_release_date (YYYY-MM-DD); empty for the cutoff date. Never the wall clock: files stay reproducible. */
        public String releaseDate = "";
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Parquet {
        public int zstdLevel = 3;
        public boolean dataPageV2 = false;
        public int rowGroupMb = 128;
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ReleaseConfig read(Path file) {
        try {
            ReleaseConfig c = YAML.readValue(Files.readAllBytes(file), ReleaseConfig.class);
            return c == null ? new ReleaseConfig() : c;
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads any YAML config file of the project into a type, failing on unknown keys. */
    public static <T> T readYaml(Path file, Class<T> type) {
        try {
            return YAML.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
