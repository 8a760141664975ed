package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes participants' survey responses as FHIR QuestionnaireResponse resources, one per line, in
 * {@code surveys/<Module>-<shard>.ndjson}: most in the R4 {@code item[]/answer[]} shape, some in the legacy DSTU2
 * {@code group/question} shape. Demographic answers agree with the participant's registry and EHR data; child
 * questions are asked only when their parent's answer allows it.
 */
final class SurveyWriter implements AutoCloseable {
    static final String PPI = "http://terminology.pmi-ops.org/CodeSystem/ppi";
    /** Share of participants (with a primary consent) completing each module. */
    static final Map<String, Double> COMPLETION = Map.of("TheBasics", 0.97, "Lifestyle", 0.85, "OverallHealth", 0.85,
            "PersonalMedicalHistory", 0.45, "HealthcareAccess", 0.45, "FamilyHistory", 0.4, "COPE", 0.25);
    static final int PARTICIPANTS_PER_FILE = 1000;

    static final String BRANCHING_RULE = "survey_branching_violations";
    static final String DUPLICATE_RULE = "duplicate_survey_responses";
    static final String BASICS = "TheBasics";
    static final String ZIP_QUESTION = "StreetAddress_PIIZIP";
    static final String RACE_QUESTION = "Race_WhatRaceEthnicity";
    static final String ORIENTATION_QUESTION = "TheBasics_SexualOrientation";
    static final String HOUSEHOLD_QUESTION = "LivingSituation_HowManyPeople";
    static final String GENDER_QUESTION = "Gender_GenderIdentity";
    static final String SEX_AT_BIRTH_QUESTION = "BiologicalSexAtBirth_SexAtBirth";
    static final String EDUCATION_QUESTION = "EducationLevel_HighestGrade";
    static final String EMPLOYMENT_QUESTION = "Employment_EmploymentStatus";
    // the registered tier's generalizations (config/tiers/generalization.yaml)
    static final Set<String> KEPT_SEX_AT_BIRTH = Set.of("SexAtBirth_Male", "SexAtBirth_Female");
    static final Set<String> GROUPED_EDUCATION = Set.of("HighestGrade_NeverAttended", "HighestGrade_OneThroughFour",
            "HighestGrade_FiveThroughEight", "HighestGrade_NineThroughEleven", "HighestGrade_CollegeGraduate",
            "HighestGrade_AdvancedDegree");
    static final Set<String> GROUPED_EMPLOYMENT = Set.of("EmploymentStatus_EmployedForWages",
            "EmploymentStatus_SelfEmployed", "EmploymentStatus_OutOfWorkOneOrMore",
            "EmploymentStatus_OutOfWorkLessThanOne", "EmploymentStatus_Homemaker", "EmploymentStatus_Student",
            "EmploymentStatus_Retired", "EmploymentStatus_UnableToWork");
    /** The race answers the race generalization counts (not the Hispanic answer of the same question). */
    static final Set<String> RACES = Set.of("WhatRaceEthnicity_AIAN", "WhatRaceEthnicity_Asian",
            "WhatRaceEthnicity_Black", "WhatRaceEthnicity_MENA", "WhatRaceEthnicity_NHPI", "WhatRaceEthnicity_White");
    /**
     * Core questions of The Basics (config/survey/core-questions.csv) a planted response leaves out: none is the
     * parent of another question or a demographic question the privacy stage generalizes.
     */
    static final List<String> LEFT_OUT_CORE_QUESTIONS = List.of("MaritalStatus_CurrentMaritalStatus",
            "Insurance_HealthInsurance", "Income_AnnualIncome", "LivingSituation_HowManyLivingYears",
            "LivingSituation_StableHouseConcern");

    private final SurveyCatalog catalog;
    private final BranchingLogic branching;
    private final Path dir;
    private final Map<String, Writer> writers = new HashMap<>();
    private int shard = -1;

    SurveyWriter(SurveyCatalog catalog, Path drop) {
        this.catalog = catalog;
        this.branching = new BranchingLogic(catalog.branchingRules);
        this.dir = drop.resolve("surveys");
    }

    /** Writes every module the participant completed, and the participant's planted survey problem. */
    void write(SyntheticPerson p, ParticipantOutcome o, SplittableRandom r) {
        int s = p.index / PARTICIPANTS_PER_FILE;
        if (s != shard) {
            closeWriters();
            shard = s;
        }
        LocalDate day = p.consentDate;
        for (SurveyCatalog.Module m : catalog.modules) {
            boolean plantedHere = p.needs(RowProblem.Source.SURVEY) && m.code.equals(BASICS);
            if (r.nextDouble() >= COMPLETION.getOrDefault(m.code, 0.3) && !plantedHere) {
                continue;
            }
            day = day.plusDays(r.nextInt(20));
            LocalDateTime authored = day.atTime(8 + r.nextInt(12), r.nextInt(60), r.nextInt(60));
            String id = m.code + "-" + p.number;
            if (plantedHere && p.problem == RowProblem.DUPLICATE_SURVEY_RESPONSE) {
                // the module submitted twice: the earlier response leaves with every answer it holds
                LocalDateTime earlier = authored;
                o.plantedFor(DUPLICATE_RULE, () -> response(p, o, m, earlier, r, id + "-1", DUPLICATE_RULE, null));
                day = day.plusDays(1 + r.nextInt(10));
                authored = day.atTime(8 + r.nextInt(12), r.nextInt(60), r.nextInt(60));
            }
            response(p, o, m, authored, r, id, null, plantedHere ? p.problem : null);
        }
    }

    /**
     * One response and what a correct build does with it.
     *
     * @param replacedBy the rule that removes the whole response (a later response to the module), or null
     * @param problem the participant's planted survey problem, for the response it is planted in
     */
    private void response(SyntheticPerson p, ParticipantOutcome o, SurveyCatalog.Module m, LocalDateTime authored,
                          SplittableRandom r, String id, String replacedBy, RowProblem problem) {
        boolean legacy = r.nextDouble() < 0.1;
        Set<String> leftOut = problem == RowProblem.CORE_QUESTION_LEFT_OUT ? leftOut(r) : Set.of();
        Map<String, List<String>> chosen = new HashMap<>();
        Map<String, List<String>> answered = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        for (SurveyCatalog.Question q : m.questions) {
            if (q.parent != null) {
                List<String> parentAnswers = chosen.get(q.parent.question);
                if (parentAnswers == null || !parentAnswers.contains(q.parent.answer)) {
                    continue;
                }
            }
            if (leftOut.contains(q.code)) {
                continue;
            }
            List<String> values = answer(p, q, r, problem);
            if (values.isEmpty()) {
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (String v : values) {
                if (v.startsWith("code:")) {
                    codes.add(v.substring(5));
                }
            }
            chosen.put(q.code, codes);
            answered.put(q.code, values);
            items.add(item(q.code, values, legacy));
        }
        String subject = "{\"reference\":\"Patient/" + p.participantId() + "\"}";
        String questionnaire = legacy ? "{\"reference\":\"Questionnaire/" + m.code + "\"}" : Json.str("Questionnaire/" + m.code);
        StringBuilder sb = new StringBuilder(256 + items.size() * 120);
        sb.append("{\"resourceType\":\"QuestionnaireResponse\",\"id\":").append(Json.str(id))
                .append(",\"questionnaire\":").append(questionnaire)
                .append(",\"status\":\"completed\",\"subject\":").append(subject)
                .append(",\"authored\":\"").append(authored).append("Z\"");
        if (legacy) {
            sb.append(",\"group\":{\"question\":[").append(String.join(",", items)).append("]}}");
        } else {
            sb.append(",\"item\":[").append(String.join(",", items)).append("]}");
        }
        line(m.code, sb.toString());

        LocalDate date = authored.toLocalDate();
        String conductRemoved = o.row("survey_conduct", date, RowProblem.Source.SURVEY, replacedBy);
        answered.forEach((question, values) -> {
            String rule = replacedBy != null ? replacedBy : branching.removes(question, chosen) ? BRANCHING_RULE : null;
            if (o.rows("observation", values.size(), date, RowProblem.Source.SURVEY, rule) == null) {
                survivingAnswers(p, o, question, values, problem);
            } else if (question.equals(HOUSEHOLD_QUESTION) && problem == RowProblem.SURVEY_NUMBER_OUT_OF_RANGE) {
                throw new IllegalStateException("a planted household answer does not reach its rule");
            }
        });
        if (problem != null && conductRemoved != null) {
            throw new IllegalStateException("a response planted for " + problem + " meets " + conductRemoved);
        }
        if (!leftOut.isEmpty()) {
            o.created("core_answers_backfilled", "observation", leftOut.size());
        }
    }

    /** Counts what the privacy rules and the late cleaning rules do with answers that survive the earlier ones. */
    private static void survivingAnswers(SyntheticPerson p, ParticipantOutcome o, String question, List<String> values,
                                         RowProblem problem) {
        switch (question) {
            case ZIP_QUESTION -> o.zipAnswers(values.size());
            case RACE_QUESTION -> o.raceAnswers(values.stream().filter(v -> RACES.contains(v.substring(5))).count());
            case ORIENTATION_QUESTION -> o.orientationAnswers(values.size());
            case GENDER_QUESTION -> o.genderAnswers(values.size());
            case SEX_AT_BIRTH_QUESTION -> o.sexAtBirthChanged(values.stream().filter(v -> !KEPT_SEX_AT_BIRTH.contains(v.substring(5))).count());
            case EDUCATION_QUESTION -> o.educationChanged(values.stream().filter(v -> GROUPED_EDUCATION.contains(v.substring(5))).count());
            case EMPLOYMENT_QUESTION -> o.employmentChanged(values.stream().filter(v -> GROUPED_EMPLOYMENT.contains(v.substring(5))).count());
            case HOUSEHOLD_QUESTION -> {
                if (problem == RowProblem.SURVEY_NUMBER_OUT_OF_RANGE) {
                    o.changed("survey_numeric_out_of_range", "observation");
                }
            }
            default -> {
                // other questions: only free text matters below
            }
        }
        for (String v : values) {
            if (v.startsWith("text:") && holdsIdentifier(p, v.substring(5))) {
                o.identifiers("observation");
            }
        }
    }

    /** One or two of the Basics' core questions, never a parent of other questions nor a generalized one. */
    private static Set<String> leftOut(SplittableRandom r) {
        String first = LEFT_OUT_CORE_QUESTIONS.get(r.nextInt(LEFT_OUT_CORE_QUESTIONS.size()));
        String second = LEFT_OUT_CORE_QUESTIONS.get(r.nextInt(LEFT_OUT_CORE_QUESTIONS.size()));
        return r.nextBoolean() ? Set.of(first) : new java.util.TreeSet<>(List.of(first, second));
    }

    /** Answers as "code:X", "int:N", "text:S" or "date:D". */
    private List<String> answer(SyntheticPerson p, SurveyCatalog.Question q, SplittableRandom r, RowProblem problem) {
        List<String> out = new ArrayList<>();
        if (q.code.equals(HOUSEHOLD_QUESTION) && problem == RowProblem.SURVEY_NUMBER_OUT_OF_RANGE) {
            // a typing slip: more people in the household than the question's plausible range allows
            out.add("int:" + (21 + r.nextInt(79)));
            return out;
        }
        switch (q.code) {
            case "Race_WhatRaceEthnicity" -> {
                String main = switch (p.race) {
                    case "white" -> "WhatRaceEthnicity_White";
                    case "black" -> "WhatRaceEthnicity_Black";
                    case "asian" -> "WhatRaceEthnicity_Asian";
                    case "aian" -> "WhatRaceEthnicity_AIAN";
                    case "nhpi" -> "WhatRaceEthnicity_NHPI";
                    case "mena" -> "WhatRaceEthnicity_MENA";
                    default -> null;
                };
                if (main == null) {
                    out.add("code:WhatRaceEthnicity_White");
                    out.add("code:WhatRaceEthnicity_Black");
                } else {
                    out.add("code:" + main);
                }
                if (p.hispanic) {
                    out.add("code:WhatRaceEthnicity_Hispanic");
                }
                return out;
            }
            case GENDER_QUESTION -> {
                double g = r.nextDouble();
                String own = p.male ? "GenderIdentity_Man" : "GenderIdentity_Woman";
                out.add("code:" + (g < 0.03 ? "GenderIdentity_NonBinary" : g < 0.04 ? "GenderIdentity_Transgender" : own));
                if (g >= 0.04 && g < 0.06) {
                    out.add("code:GenderIdentity_Transgender");
                }
                return out;
            }
            case SEX_AT_BIRTH_QUESTION -> {
                out.add("code:" + (r.nextDouble() < 0.01 ? "SexAtBirth_Intersex" : p.male ? "SexAtBirth_Male"
                        : "SexAtBirth_Female"));
                return out;
            }
            case "StreetAddress_PIIState" -> {
                String code = "PIIState_" + p.state;
                out.add("code:" + (q.hasAnswer(code) ? code : "PMI_PreferNotToAnswer"));
                return out;
            }
            case "StreetAddress_PIIZIP" -> {
                out.add("text:" + p.zip);
                return out;
            }
            default -> {
                // generic answers below
            }
        }
        switch (q.type) {
            case "choice" -> out.add("code:" + pickAnswer(q, r));
            case "multi" -> {
                String first = pickAnswer(q, r);
                out.add("code:" + first);
                if (r.nextDouble() < 0.08 && q.answers.size() > 2) {
                    String second = pickAnswer(q, r);
                    if (!second.equals(first) && !second.startsWith("PMI_")) {
                        out.add("code:" + second);
                    }
                }
            }
            case "integer" -> {
                double lo = q.min == null ? 0 : q.min;
                double hi = q.max == null ? 100 : q.max;
                out.add("int:" + (long) (lo + r.nextInt((int) (hi - lo) + 1)));
            }
            case "decimal" -> {
                double lo = q.min == null ? 0 : q.min;
                double hi = q.max == null ? 100 : q.max;
                out.add("dec:" + Math.round((lo + r.nextDouble() * (hi - lo)) * 10) / 10.0);
            }
            case "date" -> out.add("date:" + LocalDate.of(2000 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            case "boolean" -> out.add("bool:" + r.nextBoolean());
            default -> out.add("text:" + freeText(p, r));
        }
        return out;
    }

    private static String pickAnswer(SurveyCatalog.Question q, SplittableRandom r) {
        List<SurveyCatalog.Answer> usable = q.answers.stream().filter(a -> !Boolean.FALSE.equals(a.codeSeen)).toList();
        return usable.get(r.nextInt(usable.size())).code;
    }

    /**
     * Free text as participants type it; now and then with their own name and phone number, email address or street
     * address in it (direct identifiers the privacy stage must never let through).
     */
    private static String freeText(SyntheticPerson p, SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.1) {
            return "Please contact " + p.first + " " + p.last + " at " + p.phone;
        }
        if (u < 0.15) {
            return "Email: " + p.email;
        }
        if (u < 0.2) {
            return "I live at " + p.street;
        }
        String[] phrases = {"Not sure", "Prefer to describe myself", "Cape Verde", "Somewhere else", "Other"};
        return phrases[r.nextInt(phrases.length)];
    }

    static boolean holdsIdentifier(SyntheticPerson p, String text) {
        return text.contains(p.phone) || text.contains(p.email) || text.contains(p.street)
                || text.contains(p.first + " " + p.last);
    }

    private static String item(String code, List<String> values, boolean legacy) {
        StringBuilder sb = new StringBuilder("{\"linkId\":").append(Json.str(code));
        if (legacy) {
            sb.append(",\"concept\":[{\"system\":\"").append(PPI).append("\",\"code\":").append(Json.str(code)).append("}]");
        }
        sb.append(",\"answer\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i);
            int colon = v.indexOf(':');
            String kind = v.substring(0, colon);
            String value = v.substring(colon + 1);
            switch (kind) {
                case "code" -> sb.append("{\"valueCoding\":{\"system\":\"").append(PPI).append("\",\"code\":")
                        .append(Json.str(value)).append("}}");
                case "int" -> sb.append("{\"valueInteger\":").append(value).append('}');
                case "dec" -> sb.append("{\"valueDecimal\":").append(value).append('}');
                case "date" -> sb.append("{\"valueDate\":\"").append(value).append("\"}");
                case "bool" -> sb.append("{\"valueBoolean\":").append(value).append('}');
                default -> sb.append("{\"valueString\":").append(Json.str(value)).append('}');
            }
        }
        return sb.append("]}").toString();
    }

    private void line(String module, String json) {
        try {
            Writer w = writers.get(module);
            if (w == null) {
                w = DropGenerator.writer(dir.resolve(String.format("%s-%04d.ndjson", module, shard)));
                writers.put(module, w);
            }
            w.write(json);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeWriters() {
        try {
            for (Writer w : new LinkedHashMap<>(writers).values()) {
                w.close();
            }
            writers.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeWriters();
    }
}
