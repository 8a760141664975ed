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
