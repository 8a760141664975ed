package org.cdrbuilder.steps.privacy.rules;

import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.steps.privacy.Generalizer;

import com.google.auto.service.AutoService;

/**
 * States of residence shared by fewer participants of the tier than the profile's minimum (200 in the program)
 * become "generalized state", in person_ext and in the state answers.
 */
@AutoService(CleaningRule.class)
public final class StateGeneralized implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.privacy("state_generalized",
            "Generalizes the state of residence when fewer than 200 participants of the tier share it (person_ext and "
                    + "answers).", List.of("observation", "person_ext"), "employment_generalized");

    private volatile Set<String> rare;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        int minimum = ctx.tier().profile().stateMinimumParticipants;
        int ageLimit = ctx.tier().profile().excludeAgeAtLeast;
        Map<String, Integer> counts = new HashMap<>();
        ctx.forEachRow("person_ext", Set.of("person_id", "state_of_residence_source_value"), r -> {
            Participant p = ctx.registry().get((Long) r.get("person_id"));
            boolean excluded = ageLimit > 0 && p != null && p.birthDate() != null
                    && Period.between(p.birthDate(), ctx.cutoff()).getYears() >= ageLimit;
            String state = (String) r.get("state_of_residence_source_value");
            if (state != null && !excluded) {
                counts.merge(state, 1, Integer::sum);
            }
        });
        Set<String> r = new HashSet<>();
        counts.forEach((state, n) -> {
            if (n < minimum) {
                r.add(state);
            }
        });
        rare = r;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        GeneralizationConfig.Single state = ctx.tier().generalization().state;
        if (row.table().name().equals("person_ext")) {
            String s = (String) row.get("state_of_residence_source_value");
            return s != null && rare.contains(s) ? Verdict.change("state shared by too few participants", r -> {
                r.set("state_of_residence_concept_id", state.generalized.concept);
                r.set("state_of_residence_source_value", state.generalized.code);
            }) : Verdict.KEEP;
        }
        if (!Generalizer.answers(row, state.question)) {
            return Verdict.KEEP;
        }
        String s = (String) row.get("value_source_value");
        return s != null && rare.contains(s)
                ? Verdict.change("state shared by too few participants", r -> Generalizer.setAnswer(r, state.generalized))
                : Verdict.KEEP;
    }
}
