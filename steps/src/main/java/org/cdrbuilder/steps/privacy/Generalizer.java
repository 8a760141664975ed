package org.cdrbuilder.steps.privacy;

import org.cdrbuilder.core.privacy.GeneralizationConfig;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.rules.ChangedColumns;
import org.cdrbuilder.core.rules.Verdict;

/** Small helpers shared by the generalization rules (answer rows of one survey question). */
public final class Generalizer {
    private Generalizer() {
    }

    /** The answer columns {@link #setAnswer} writes: what an answer generalization changes. */
    public static final ChangedColumns ANSWER_COLUMNS = ChangedColumns.named("observation.value_as_concept_id",
            "observation.value_source_concept_id", "observation.value_source_value", "observation.value_as_number",
            "observation.value_as_string");

    /** True when the row answers {@code question}. */
    public static boolean answers(Row row, String question) {
        return question != null && question.equals(row.get("observation_source_value"));
    }

    /**
     * The verdict for one answer row of a question whose answers in the response generalize to {@code target}: the
     * response's first answer row becomes the target, its other answer rows go.
     */
    public static Verdict collapse(Row row, SurveyAnswers.Answer answer, GeneralizationConfig.Target target,
                                   String reason) {
        long id = (Long) row.get("observation_id");
        if (answer != null && id != answer.firstObservationId) {
            return Verdict.remove(reason + " (one row stands for the response's answers)");
        }
        return Verdict.change(reason, r -> setAnswer(r, target));
    }

    /** Replaces the answer of an answer row. */
    public static void setAnswer(Row r, GeneralizationConfig.Target target) {
        r.set("value_as_concept_id", target.concept);
        r.set("value_source_concept_id", target.concept);
        r.set("value_source_value", target.code);
        r.set("value_as_number", null);
        r.set("value_as_string", null);
    }
}
