package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scan units of the snapshot stage found, saved as JSON between a unit and the stage's completion. Sets of
 * participants are encoded bitmaps of person indexes ({@link PersonSets}); counts are true (not yet disseminated).
 */
final class ScanFacts {
    private ScanFacts() {
    }

    /** What every scan reports: the rows it read. */
    abstract static class Scan {
        public long rows;
    }

    /** The person table, person_ext and the registry. */
    static final class Persons extends Scan {
        public int persons;
        public Map<Integer, Long> gender = new TreeMap<>();
        public Map<Integer, Long> race = new TreeMap<>();
        public Map<Integer, Long> ethnicity = new TreeMap<>();
        public Map<Integer, Long> yearOfBirth = new TreeMap<>();
        public Map<Integer, Long> state = new TreeMap<>();
        /** Month (YYYY-MM) of primary consent: participants. */
        public Map<String, Long> enrolled = new TreeMap<>();
        /** Month (YYYY-MM) of becoming a core participant (initial steps completed): participants. */
        public Map<String, Long> completedInitialSteps = new TreeMap<>();
        public String biospecimens;
    }

    /** One clinical table (a Data Browser domain, or death). */
    static final class Events extends Scan {
        public String table;
        public long unknownPersons;
        public String persons;
        public String ehrPersons;
        public String physicalMeasurementPersons;
        public List<ConceptCount> concepts = new ArrayList<>();
        public List<ConceptCount> ehrConcepts = new ArrayList<>();
        /** Distinct concepts per participant with a row (all rows); null when too few participants. */
        public Distribution conceptsPerPerson;
        public Surveys survey;
    }

    /** Participants and records of one concept. */
    record ConceptCount(int conceptId, long persons, long records) {
    }

    /** Survey answers (observation rows of type survey). */
    static final class Surveys {
        public List<QuestionCount> questions = new ArrayList<>();
        public List<AnswerCount> answers = new ArrayList<>();
        /** Questions with an answer row whose observation_concept_id is not the question concept. */
        public List<Integer> recodedQuestions = new ArrayList<>();
        public long unresolvedResponses;
    }

    record QuestionCount(int module, int question, long persons) {
    }

    /** @param answer the answer concept, or one of the {@link AnswerKey} groups (negative) */
    record AnswerCount(int module, int question, int answer, long persons) {
    }

    /** survey_conduct: who responded to which module. */
    static final class Responses extends Scan {
        public String persons;
        public Map<Integer, Long> modules = new TreeMap<>();
    }

    /** observation_period: the first period of each participant. */
    static final class Periods extends Scan {
        public String persons;
        public Distribution ageAtFirstObservation;
        public Distribution firstPeriodDays;
    }

    /** A wearables table: who has Fitbit rows. */
    static final class Wearables extends Scan {
        public String table;
        public String persons;
    }
}
