package org.cdrbuilder.generator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The survey modules the generator answers ({@code catalog/surveys.yaml}): real PPI question and answer codes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class SurveyCatalog {
    public Code skip;
    public Code preferNotToAnswer;
    public List<Module> modules;
    public List<BranchingRule> branchingRules;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Code {
        public String code;
        public int conceptId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Module {
        public String code;
        public int conceptId;
        public String name;
        public List<Question> questions;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Question {
        public String code;
        public int conceptId;
        public String type;
        public boolean core;
        public Parent parent;
        public List<Answer> answers;
        public Double min;
        public Double max;

        public boolean hasAnswer(String answerCode) {
            return answers != null && answers.stream().anyMatch(a -> a.code.equals(answerCode));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Parent {
        public String question;
        public String answer;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Answer {
        public String code;
        public int conceptId;
        public Boolean codeSeen;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class BranchingRule {
        public String ruleType;
        public String childQuestion;
        public String parentQuestion;
        public String parentValue;
    }

    public static SurveyCatalog load() {
        return ClinicalCatalog.read("catalog/surveys.yaml", SurveyCatalog.class);
    }
}
