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

    static final String BRANCHING_RULE = EhrHistory.CLEAN + "survey_branching_violations";

    private final SurveyCatalog catalog;
    private final BranchingLogic branching;
    private final Path dir;
    private final Planted planted;
    private final Map<String, Writer> writers = new HashMap<>();
    private int shard = -1;

    SurveyWriter(SurveyCatalog catalog, Path drop, Planted planted) {
        this.catalog = catalog;
        this.branching = new BranchingLogic(catalog.branchingRules);
        this.dir = drop.resolve("surveys");
        this.planted = planted;
    }

    /** Writes every module the participant completed; {@code removal} is the rule key that must remove them. */
    void write(SyntheticPerson p, String removal, SplittableRandom r) {
        int s = p.index / PARTICIPANTS_PER_FILE;
        if (s != shard) {
            closeWriters();
            shard = s;
        }
        LocalDate day = p.consentDate;
        for (SurveyCatalog.Module m : catalog.modules) {
            if (r.nextDouble() >= COMPLETION.getOrDefault(m.code, 0.3)) {
                continue;
            }
            day = day.plusDays(r.nextInt(20));
            LocalDateTime authored = day.atTime(8 + r.nextInt(12), r.nextInt(60), r.nextInt(60));
            response(p, m, authored, r, removal);
        }
    }

    private void response(SyntheticPerson p, SurveyCatalog.Module m, LocalDateTime authored, SplittableRandom r,
                          String removal) {
        boolean legacy = r.nextDouble() < 0.1;
        Map<String, List<String>> chosen = new HashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        int answers = 0;
        for (SurveyCatalog.Question q : m.questions) {
            if (q.parent != null) {
                List<String> parentAnswers = chosen.get(q.parent.question);
                if (parentAnswers == null || !parentAnswers.contains(q.parent.answer)) {
                    continue;
                }
            }
            List<String> values = answer(p, q, r);
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
            rows.put(q.code, values.size());
            items.add(item(q.code, values, legacy));
            answers += values.size();
        }
        String id = m.code + "-" + p.number;
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
        planted.generated("survey_conduct");
        if (removal != null) {
            planted.removed(removal, "survey_conduct");
        }
        for (int i = 0; i < answers; i++) {
            planted.generated("observation");
            if (removal != null) {
                planted.removed(removal, "observation");
            }
        }
        if (removal == null) {
            rows.forEach((question, n) -> {
                if (branching.removes(question, chosen)) {
                    planted.removed(BRANCHING_RULE, "observation", n);
                }
            });
        }
    }

    /** Answers as "code:X", "int:N", "text:S" or "date:D". */
    private List<String> answer(SyntheticPerson p, SurveyCatalog.Question q, SplittableRandom r) {
        List<String> out = new ArrayList<>();
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
            case "Gender_GenderIdentity" -> {
                double g = r.nextDouble();
                out.add("code:" + (g < 0.03 ? "GenderIdentity_NonBinary" : g < 0.04 ? "GenderIdentity_Transgender"
                        : p.male ? "GenderIdentity_Man" : "GenderIdentity_Woman"));
                return out;
            }
            case "BiologicalSexAtBirth_SexAtBirth" -> {
                out.add("code:" + (p.male ? "SexAtBirth_Male" : "SexAtBirth_Female"));
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

    /** Free text as participants type it; now and then with their own name and phone number in it. */
    private static String freeText(SyntheticPerson p, SplittableRandom r) {
        if (r.nextDouble() < 0.2) {
            return "Please contact " + p.first + " " + p.last + " at " + p.phone;
        }
        String[] phrases = {"Not sure", "Prefer to describe myself", "Cape Verde", "Somewhere else", "Other"};
        return phrases[r.nextInt(phrases.length)];
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
