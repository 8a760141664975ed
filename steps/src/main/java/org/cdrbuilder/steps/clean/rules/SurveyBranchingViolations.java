package org.cdrbuilder.steps.clean.rules;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.ObjectCursor;
import com.google.auto.service.AutoService;

/**
 * Some questions are only asked after a given answer to an earlier (parent) question; an answer to such a child
 * question that its response's parent answer does not allow is an artefact and leaves. The rules are data
 * ({@code config/survey/branching.csv}, from the program's ppi_branching rules). Decisions are per response; a
 * parent that is itself a child removed by the rules allows nothing below it.
 */
@AutoService(CleaningRule.class)
public final class SurveyBranchingViolations implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("survey_branching_violations",
            "Removes answers to child survey questions when the same response's answer to the parent question does "
                    + "not allow them (branching rules in config/survey/branching.csv).",
            List.of("observation"), "duplicate_survey_responses");
    private static final BitSet NO_ANSWERS = new BitSet();

    /** The rules, and per response its answers that some rule names (a bit set of a few words). */
    private record Prepared(BranchingRules rules, LongObjectHashMap<BitSet> decisiveAnswers) {
    }

    private volatile Prepared prepared;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        BranchingRules rules = BranchingRules.read(ctx.configFile(ctx.parameters().surveyBranching));
        LongObjectHashMap<BitSet> answers = new LongObjectHashMap<>();
        ctx.forEachRow("observation", Set.of("questionnaire_response_id", "observation_source_value",
                "value_source_value"), r -> {
            Long response = (Long) r.get("questionnaire_response_id");
            int position = rules.position((String) r.get("observation_source_value"), (String) r.get("value_source_value"));
            if (response == null || position < 0) {
                return;
            }
            BitSet of = answers.get(response);
            if (of == null) {
                of = new BitSet();
                answers.put(response, of);
            }
            of.set(position);
        });
        for (ObjectCursor<BitSet> c : answers.values()) {
            rules.withdrawDisallowedParents(c.value);
        }
        prepared = new Prepared(rules, answers);
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        Prepared p = prepared;
        if (p == null) {
            throw new IllegalStateException(INFO.id() + " was not prepared");
        }
        String question = (String) row.get("observation_source_value");
        Long response = (Long) row.get("questionnaire_response_id");
        if (response == null || question == null || !p.rules().isChild(question)) {
            return Verdict.KEEP;
        }
        BitSet given = p.decisiveAnswers().get(response);
        return p.rules().allows(question, given == null ? NO_ANSWERS : given) ? Verdict.KEEP
                : Verdict.remove("the response's parent answer does not allow this question");
    }
}
