package org.cdrbuilder.steps.privacy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.rules.RuleContext;

/**
 * The answers to the demographic questions, per response and per participant, read once per tier from the survey
 * observations (several generalization rules need them): which codes a response gave to a question, the first
 * answer row of that question in the response (the one kept when several answers collapse into one), and each
 * participant's latest answers to each question. Memory grows with responses, not with rows.
 */
public final class SurveyAnswers {
    /** Codes and first row of one question in one response. */
    public static final class Answer {
        public final Set<String> codes = new TreeSet<>();
        public long firstObservationId = Long.MAX_VALUE;
    }

    private final Map<String, Map<Long, Answer>> byResponse = new HashMap<>();
    private final Map<String, Map<Long, Latest>> byPerson = new HashMap<>();

    private static final class Latest {
        LocalDateTime at;
        final Set<String> codes = new TreeSet<>();
    }

    /** The shared instance of a rule context, reading every answer to the questions named. */
    public static SurveyAnswers of(RuleContext ctx, Set<String> questions) {
        return of(ctx, "all", questions, code -> true);
    }

    /**
     * The shared instance of a rule context reading only the answers whose code passes {@code codes} (e.g. race
     * answers but not the Hispanic ethnicity answer of the same question).
     *
     * @param name distinguishes instances with different filters
     */
    public static SurveyAnswers of(RuleContext ctx, String name, Set<String> questions,
                                   java.util.function.Predicate<String> codes) {
        return ctx.shared("survey-answers:" + name + ":" + new TreeSet<>(questions), () -> {
            SurveyAnswers a = new SurveyAnswers();
            ctx.forEachRow("observation", Set.of("observation_id", "person_id", "questionnaire_response_id",
                    "observation_source_value", "value_source_value", "observation_datetime"), r -> {
                        String q = (String) r.get("observation_source_value");
                        if (q == null || !questions.contains(q) || r.get("questionnaire_response_id") == null
                                || !codes.test((String) r.get("value_source_value"))) {
                            return;
                        }
                        a.add(q, (Long) r.get("questionnaire_response_id"), (Long) r.get("person_id"),
                                (Long) r.get("observation_id"), (String) r.get("value_source_value"),
                                (LocalDateTime) r.get("observation_datetime"));
                    });
            return a;
        });
    }

    void add(String question, long response, long person, long observationId, String code, LocalDateTime at) {
        Answer ans = byResponse.computeIfAbsent(question, k -> new HashMap<>()).computeIfAbsent(response, k -> new Answer());
        if (code != null) {
            ans.codes.add(code);
        }
        ans.firstObservationId = Math.min(ans.firstObservationId, observationId);
        Latest l = byPerson.computeIfAbsent(question, k -> new HashMap<>()).computeIfAbsent(person, k -> new Latest());
        if (l.at == null || (at != null && at.isAfter(l.at))) {
            l.codes.clear();
            l.at = at;
        }
        if (code != null && (at == null || l.at == null || !at.isBefore(l.at))) {
            l.codes.add(code);
        }
    }

    /** The answer of a response to a question, or null. */
    public Answer response(String question, Long response) {
        return response == null ? null : byResponse.getOrDefault(question, Map.of()).get(response);
    }

    /** A participant's latest answer codes to a question (empty when none). */
    public Set<String> latest(String question, long person) {
        Latest l = byPerson.getOrDefault(question, Map.of()).get(person);
        return l == null ? Set.of() : l.codes;
    }
}
