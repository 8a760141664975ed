package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.RuleParameters;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.google.auto.service.AutoService;

/**
 * Researchers count on every response to a module having a row for each of the module's core questions: a core
 * question the response left out gets an answer row with the skip code, as if the participant had skipped it. Core
 * questions are data ({@code config/survey/core-questions.csv}); child questions of the branching rules are never
 * backfilled, since they are not asked of everyone.
 */
@AutoService(CleaningRule.class)
public final class CoreAnswersBackfilled implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("core_answers_backfilled",
            "For each survey response (survey_conduct), adds an observation row with the skip answer (PMI_Skip) for "
                    + "every core question of the module that the response did not answer.",
            List.of("survey_conduct"), "survey_branching_violations");
    static final int SURVEY_OBSERVATION_TYPE = 45905771;
    private static final TableDef OBSERVATION = CdrSchema.get().table("observation");

    private record Prepared(CoreQuestions core, Map<Integer, String> moduleOfConcept,
                            Map<String, Integer> questionConcept, LongObjectHashMap<BitSet> answered) {
    }

    private volatile Prepared prepared;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        RuleParameters params = ctx.parameters();
        BranchingRules branching = BranchingRules.read(ctx.configFile(params.surveyBranching));
        CoreQuestions core = CoreQuestions.read(ctx.configFile(params.surveyCoreQuestions), branching.children());
        Map<Integer, String> moduleOfConcept = new HashMap<>();
        Map<String, Integer> questionConcept = new HashMap<>();
        for (String module : core.modules()) {
            ctx.vocabulary().conceptByCode("PPI", module).ifPresent(c -> {
                if (c != 0) {
                    moduleOfConcept.put(c, module);
                }
            });
            for (String q : core.of(module)) {
                questionConcept.put(q, ctx.vocabulary().conceptByCode("PPI", q).orElse(0));
            }
        }
        // per response, which core questions it answered (one bit each)
        LongObjectHashMap<BitSet> answered = new LongObjectHashMap<>();
        ctx.forEachRow("observation", Set.of("questionnaire_response_id", "observation_source_value"), r -> {
            Long response = (Long) r.get("questionnaire_response_id");
            int position = core.position((String) r.get("observation_source_value"));
            if (response == null || position < 0) {
                return;
            }
            BitSet bits = answered.get(response);
            if (bits == null) {
                bits = new BitSet();
                answered.put(response, bits);
            }
            bits.set(position);
        });
        prepared = new Prepared(core, Map.copyOf(moduleOfConcept), Map.copyOf(questionConcept), answered);
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Prepared p = prepared;
        if (p == null) {
            throw new IllegalStateException(INFO.id() + " was not prepared");
        }
        List<String> questions = p.core().of(module(row, p));
        Long response = (Long) row.get("survey_conduct_id");
        LocalDateTime authored = (LocalDateTime) row.get("survey_end_datetime");
        LocalDate day = authored != null ? authored.toLocalDate() : (LocalDate) row.get("survey_end_date");
        // a response after the cutoff is not released; answers created for it would be orphans
        if (questions.isEmpty() || response == null || day == null || day.isAfter(ctx.cutoff())) {
            return Verdict.KEEP;
        }
        BitSet done = p.answered().get(response);
        RuleParameters params = ctx.parameters();
        List<Row> skips = new ArrayList<>();
        for (String q : questions) {
            if (done != null && done.get(p.core().position(q))) {
                continue;
            }
            int questionConcept = p.questionConcept().getOrDefault(q, 0);
            Row skip = new Row(OBSERVATION)
                    .set("observation_id", 0L)
                    .set("person_id", row.get("person_id"))
                    .set("observation_concept_id", questionConcept)
                    .set("observation_date", day)
                    .set("observation_datetime", authored)
                    .set("observation_type_concept_id", SURVEY_OBSERVATION_TYPE)
                    .set("value_as_concept_id", params.skipConcept)
                    .set("observation_source_value", q)
                    .set("observation_source_concept_id", questionConcept)
                    .set("value_source_value", params.skipCode)
                    .set("value_source_concept_id", params.skipConcept)
                    .set("questionnaire_response_id", response);
            skips.add(skip);
        }
        return skips.isEmpty() ? Verdict.KEEP
                : new Verdict.Create("core question left unanswered; skip answer added", skips);
    }

    /** The module code of a response: its source value when that names a module with core questions, else by concept. */
    private static String module(Row conduct, Prepared p) {
        String code = (String) conduct.get("survey_source_value");
        if (!p.core().of(code).isEmpty()) {
            return code;
        }
        Integer concept = (Integer) conduct.get("survey_concept_id");
        return concept == null ? null : p.moduleOfConcept().get(concept);
    }
}
