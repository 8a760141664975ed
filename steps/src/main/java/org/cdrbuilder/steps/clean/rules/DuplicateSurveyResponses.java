package org.cdrbuilder.steps.clean.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.CleaningRule;
import org.cdrbuilder.core.rules.RowOrigin;
import org.cdrbuilder.core.rules.RuleContext;
import org.cdrbuilder.core.rules.RuleInfo;
import org.cdrbuilder.core.rules.Verdict;

import com.carrotsearch.hppc.LongHashSet;
import com.google.auto.service.AutoService;

/**
 * A participant who submitted a module more than once is represented by the latest submission only: the older
 * responses leave with every answer they hold. Latest is the latest survey_end_datetime, then the highest id; a
 * response that is never released (after the deactivation or the cutoff) does not replace an earlier one.
 */
@AutoService(CleaningRule.class)
public final class DuplicateSurveyResponses implements CleaningRule {
    private static final RuleInfo INFO = RuleInfo.of("duplicate_survey_responses",
            "Keeps only the latest response of each participant to each survey module; removes the older responses "
                    + "(survey_conduct) and all their answers (observation).",
            List.of("survey_conduct", "observation"), "data_after_deactivation");

    /** A survey module of a participant: the module concept, or its code when the concept is unknown (0). */
    private record ModuleOfPerson(long person, int concept, String code) {
    }

    private volatile LongHashSet superseded = new LongHashSet();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void prepare(RuleContext ctx) {
        LatestWins<ModuleOfPerson> latest = new LatestWins<>();
        ctx.forEachRow("survey_conduct", Set.of("survey_conduct_id", "person_id", "survey_concept_id",
                "survey_source_value", "survey_end_datetime"), r -> {
            Long id = (Long) r.get("survey_conduct_id");
            Long person = (Long) r.get("person_id");
            ModuleOfPerson module = person == null ? null : module(person, r);
            LocalDateTime authored = (LocalDateTime) r.get("survey_end_datetime");
            if (id == null || module == null
                    || !ReleaseWindow.contains(ctx, person, authored == null ? null : authored.toLocalDate())) {
                return;
            }
            latest.offer(module, id, authored);
        });
        superseded = latest.superseded();
    }

    private static ModuleOfPerson module(long person, Row conduct) {
        Integer concept = (Integer) conduct.get("survey_concept_id");
        String code = (String) conduct.get("survey_source_value");
        if (concept != null && concept != 0) {
            return new ModuleOfPerson(person, concept, null);
        }
        return code == null || code.isBlank() ? null : new ModuleOfPerson(person, 0, code);
    }

    @Override
    public Verdict check(Row row, RowOrigin origin, RuleContext ctx) {
        if (row.table().name().equals("survey_conduct")) {
            Long id = (Long) row.get("survey_conduct_id");
            return id != null && superseded.contains(id) ? Verdict.remove("a later response to the module exists")
                    : Verdict.KEEP;
        }
        Long response = (Long) row.get("questionnaire_response_id");
        return response != null && superseded.contains(response)
                ? Verdict.remove("answer of a response replaced by a later response to the module") : Verdict.KEEP;
    }
}
