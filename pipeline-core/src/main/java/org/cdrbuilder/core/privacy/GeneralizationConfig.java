package org.cdrbuilder.core.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ReleaseConfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The program's demographic generalizations ({@code config/tiers/generalization.yaml}): which survey answers become
 * which of the program's coarse-category concepts. Read by the {@code *_generalized} privacy rules.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class GeneralizationConfig {
    public Race race = new Race();
    public Kept genderIdentity = new Kept();
    public Kept sexualOrientation = new Kept();
    public Kept sexAtBirth = new Kept();
    public Grouped education = new Grouped();
    public Grouped employment = new Grouped();
    public Single state = new Single();
    public Question zip = new Question();

    /** A concept and its code, what a generalized answer becomes. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Target {
        public int concept;
        public String code;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static class Question {
        public String question;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Race extends Question {
        public List<String> races = new ArrayList<>();
        public List<String> rare = new ArrayList<>();
        public Target multiple = new Target();
        public Target rareSingle = new Target();
        public List<Integer> personRare = new ArrayList<>();
        public int personNone;
    }

    /** Answers kept as they are; everything else becomes {@code generalized}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Kept extends Question {
        public List<String> kept = new ArrayList<>();
        public Map<String, String> matchesSexAtBirth = new LinkedHashMap<>();
        public Target generalized = new Target();
    }

    /** Groups of answers, each becoming one target; answers in no group stay. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Grouped extends Question {
        public List<Group> groups = new ArrayList<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Group {
        public List<String> answers = new ArrayList<>();
        public Target to = new Target();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Single extends Question {
        public Target generalized = new Target();
    }

    public static GeneralizationConfig read(Path file) {
        return ReleaseConfig.readYaml(file, GeneralizationConfig.class);
    }
}
