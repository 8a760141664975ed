package org.cdrbuilder.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code config/demographics.yaml}: which survey answers make a person's gender, race, ethnicity, sex at birth, state. */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class DemographicsConfig {
    public Mapped gender = new Mapped();
    public Race race = new Race();
    public Ethnicity ethnicity = new Ethnicity();
    public Question sexAtBirth = new Question();
    public Question state = new Question();

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Question {
        public String question;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Mapped extends Question {
        public Map<String, Integer> answers = new LinkedHashMap<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Race extends Mapped {
        public int several;
        public int none;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Ethnicity extends Question {
        public String hispanicAnswer;
        public int hispanic;
        public int notHispanic;
    }

    public static DemographicsConfig read(Path file) {
        return ReleaseConfig.readYaml(file, DemographicsConfig.class);
    }
}
