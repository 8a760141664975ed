package org.cdrbuilder.steps.privacy.rules;

import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.registry.Participant;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.schema.TableGroup;
import org.cdrbuilder.steps.privacy.Generalizer;
import org.cdrbuilder.steps.privacy.SiteStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.carrotsearch.hppc.LongHashSet;
import com.google.auto.service.AutoService;
import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * A participant's state of residence becomes "generalized state", in person_ext and in the state answers, when fewer
 * participants of the tier than the profile's minimum (200 in the program) share it, or when the participant has
 * EHR from a site in another state ({@code site_states}, the sites' lookup; a site the lookup does not place counts
 * as another state): the pair of the site and a distant state of residence singles people out.
 */
@AutoService(CleaningRule.class)
public final class StateGeneralized implements CleaningRule {
    private static final Logger LOG = LoggerFactory.getLogger(StateGeneralized.class);
    static final String RARE = "state shared by too few participants";
    static final String OTHER_STATE = "EHR from a site in another state";
    private static final String STATE_PREFIX = "PIIState_";

    private static final RuleInfo INFO = RuleInfo.privacy("state_generalized",
            "Generalizes the state of residence when fewer than 200 participants of the tier share it, or when the "
                    + "participant has EHR from a site in another state (person_ext and answers).",
            List.of("observation", "person_ext"), "employment_generalized");

    private volatile Set<String> rare;
    private volatile LongHashSet otherStateEhr;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public ChangedColumns changes() {
        return Generalizer.ANSWER_COLUMNS.or(ChangedColumns.named("person_ext.state_of_residence_concept_id",
                "person_ext.state_of_residence_source_value"));
    }

    @Override
    public boolean activeIn(TierProfile profile, String table) {
        return profile.stateMinimumParticipants > 0 || (profile.siteStates != null && !profile.siteStates.isBlank());
    }

    @Override
    public void prepare(RuleContext ctx) {
        int minimum = ctx.tier().profile().stateMinimumParticipants;
        int ageLimit = ctx.tier().profile().excludeAgeAtLeast;
        LongObjectHashMap<String> residence = new LongObjectHashMap<>();
        LongHashSet excluded = new LongHashSet();
        ctx.forEachRow("person_ext", Set.of("person_id", "state_of_residence_source_value"), r -> {
            long person = (Long) r.get("person_id");
            String state = (String) r.get("state_of_residence_source_value");
            if (state == null) {
                return;
            }
            residence.put(person, state);
            Participant p = ctx.registry().get(person);
            if (ageLimit > 0 && p != null && p.birthDate() != null
                    && Period.between(p.birthDate(), ctx.cutoff()).getYears() >= ageLimit) {
                excluded.add(person);
            }
        });
        otherStateEhr = otherStateEhr(ctx, residence);
        // states are counted over the participants who keep theirs: those of the tier whose state is not generalized
        // for their EHR, so that every state published stays shared by at least the minimum
        Map<String, Integer> counts = new HashMap<>();
        residence.forEach((com.carrotsearch.hppc.procedures.LongObjectProcedure<String>) (person, state) -> {
            if (!excluded.contains(person) && !(state.startsWith(STATE_PREFIX) && otherStateEhr.contains(person))) {
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

    /** Participants with at least one EHR row from a site outside their state of residence. */
    private static LongHashSet otherStateEhr(RuleContext ctx, LongObjectHashMap<String> residence) {
        LongHashSet out = new LongHashSet();
        String file = ctx.tier().profile().siteStates;
        if (file == null || file.isBlank()) {
            return out;
        }
        SiteStates sites = SiteStates.read(ctx.tier().profile().resolve(file));
        Set<String> unplaced = new TreeSet<>();
        for (TableDef t : CdrSchema.get().tables()) {
            if (t.group() != TableGroup.OMOP || !t.hasColumn("person_id")) {
                continue;
            }
            ctx.forEachPart(t.name(), Set.of("person_id"), origin -> {
                if (!origin.isEhr()) {
                    return null;
                }
                String siteState = sites.stateOf(origin.site());
                if (siteState == null) {
                    unplaced.add(origin.site());
                }
                String local = siteState == null ? null : STATE_PREFIX + siteState;
                return row -> {
                    if (row.get("person_id") instanceof Long person) {
                        String own = residence.get(person);
                        if (own != null && !own.equals(local)) {
                            out.add(person);
                        }
                    }
                };
            });
        }
        if (!unplaced.isEmpty()) {
            LOG.warn("EHR sites {} have no state in {}: their participants' states are generalized", unplaced, file);
        }
        return out;
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        GeneralizationConfig.Single state = ctx.tier().generalization().state;
        if (row.table().name().equals("person_ext")) {
            String s = (String) row.get("state_of_residence_source_value");
            String reason = reason(s, row, state);
            return reason == null ? Verdict.KEEP : Verdict.change(reason, r -> {
                r.set("state_of_residence_concept_id", state.generalized.concept);
                r.set("state_of_residence_source_value", state.generalized.code);
            });
        }
        if (!Generalizer.answers(row, state.question)) {
            return Verdict.KEEP;
        }
        String reason = reason((String) row.get("value_source_value"), row, state);
        return reason == null ? Verdict.KEEP
                : Verdict.change(reason, r -> Generalizer.setAnswer(r, state.generalized));
    }

    /** Why the state (a source value) is generalized, or null when it stays. */
    private String reason(String state, Row row, GeneralizationConfig.Single config) {
        if (state == null || state.equals(config.generalized.code)) {
            return null;
        }
        if (rare.contains(state)) {
            return RARE;
        }
        return state.startsWith(STATE_PREFIX) && row.get("person_id") instanceof Long p && otherStateEhr.contains(p)
                ? OTHER_STATE : null;
    }
}
