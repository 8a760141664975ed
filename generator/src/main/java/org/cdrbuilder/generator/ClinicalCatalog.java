package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The EHR content the generator draws from ({@code catalog/clinical.yaml}): real standard concepts with the source
 * codes sites put in their files, each present in the bundled vocabulary subset.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ClinicalCatalog {
    public List<Condition> conditions;
    public List<SensitiveCondition> sensitiveConditions;
    public List<Drug> drugs;
    public List<Procedure> procedures;
    public List<Lab> measurements;
    public List<Visit> visits;
    public Map<String, Integer> types;
    public Demographics demographics;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Condition {
        public int conceptId;
        public String name;
        public String snomedCode;
        public int weight;
        public List<SourceCode> sourceCodes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SourceCode {
        public String vocabulary;
        public String code;
        public int conceptId;
    }

    /** A condition code on the tiers' suppression lists, and the tiers whose list names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SensitiveCondition {
        public int conceptId;
        public String vocabulary;
        public String code;
        public String name;
        public List<String> suppressedIn;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Drug {
        public int conceptId;
        public String name;
        public String rxnormCode;
        public int weight;
        public List<Integer> daysSupply;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Procedure {
        public int conceptId;
        public String name;
        public String vocabulary;
        public String code;
        public int weight;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Lab {
        public int conceptId;
        public String name;
        public String loinc;
        public int unitConceptId;
        public String unitSourceValue;
        public double low;
        public double high;
        public int decimals;
        public int weight;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Visit {
        public int conceptId;
        public String name;
        public int weight;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Demographics {
        public Map<String, Integer> gender;
        public Map<String, Integer> race;
        public Map<String, Integer> ethnicity;
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ClinicalCatalog load() {
        return read("catalog/clinical.yaml", ClinicalCatalog.class);
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ClinicalCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing generator resource " + resource);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generator resource " + resource, e);
        }
    }
}
