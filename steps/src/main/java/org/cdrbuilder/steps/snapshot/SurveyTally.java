package org.cdrbuilder.steps.snapshot;

import java.util.Set;
import java.util.TreeSet;

import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.roaringbitmap.RoaringBitmap;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;

/**
 * Survey Explorer counts from the survey answers of the observation table: participants per (module, question) and
 * per (module, question, answer). The module of an answer is that of its response ({@code questionnaire_response_id}
 * = {@code survey_conduct_id}), so memory grows with responses, i.e. with participants.
 */
final class SurveyTally {
    private final LongIntHashMap moduleOfResponse;
    private final AnswerKey.Columns columns;
    private final int questionColumn;
    private final int conceptColumn;
    private final int responseColumn;
    private final LongObjectHashMap<RoaringBitmap> questions = new LongObjectHashMap<>();
    private final LongObjectHashMap<LongObjectHashMap<RoaringBitmap>> answers = new LongObjectHashMap<>();
    private final Set<Integer> recoded = new TreeSet<>();
    private long unresolved;

    private SurveyTally(LongIntHashMap moduleOfResponse, TableDef observation) {
        this.moduleOfResponse = moduleOfResponse;
        this.columns = AnswerKey.Columns.of(observation);
        this.questionColumn = observation.indexOf("observation_source_concept_id");
        this.conceptColumn = observation.indexOf("observation_concept_id");
        this.responseColumn = observation.indexOf("questionnaire_response_id");
    }

    /** A tally for a tier: reads the tier's survey_conduct to know each response's module. */
    static SurveyTally forCandidate(ReleaseCandidate candidate, TableDef observation) {
        TableDef sc = CdrSchema.get().table("survey_conduct");
        int module = sc.indexOf("survey_concept_id");
        LongIntHashMap modules = new LongIntHashMap();
        RowParquetReader.forEach(candidate.parts("survey_conduct"), sc, Set.of("survey_conduct_id", "survey_concept_id"),
                r -> modules.put(r.getLong(0), r.getIntOrZero(module)));
        return new SurveyTally(modules, observation);
    }

    /** Columns of the observation table the tally reads. */
    static Set<String> projection() {
        return Set.of("observation_source_concept_id", "observation_concept_id", "questionnaire_response_id",
                "value_source_concept_id", "value_as_concept_id", "value_as_number", "value_as_string");
    }

    void add(Row row, int person) {
        Long response = row.getLong(responseColumn);
        if (response == null || !moduleOfResponse.containsKey(response)) {
            unresolved++;
            return;
        }
        int module = moduleOfResponse.get(response);
        int question = row.getIntOrZero(questionColumn);
        if (row.getIntOrZero(conceptColumn) != question) {
            recoded.add(question);
        }
        long questionKey = (long) module << 32 | (question & 0xffffffffL);
        set(questions, questionKey).add(person);
        LongObjectHashMap<RoaringBitmap> byAnswer = answers.get(questionKey);
        if (byAnswer == null) {
            byAnswer = new LongObjectHashMap<>();
            answers.put(questionKey, byAnswer);
        }
        set(byAnswer, AnswerKey.of(row, columns)).add(person);
    }

    private static RoaringBitmap set(LongObjectHashMap<RoaringBitmap> map, long key) {
        RoaringBitmap s = map.get(key);
        if (s == null) {
            s = new RoaringBitmap();
            map.put(key, s);
        }
        return s;
    }

    ScanFacts.Surveys facts() {
        ScanFacts.Surveys f = new ScanFacts.Surveys();
        for (LongObjectCursor<RoaringBitmap> q : questions) {
            int module = (int) (q.key >>> 32);
            int question = (int) q.key;
            f.questions.add(new ScanFacts.QuestionCount(module, question, q.value.getLongCardinality()));
            for (LongObjectCursor<RoaringBitmap> a : answers.get(q.key)) {
                f.answers.add(new ScanFacts.AnswerCount(module, question, (int) a.key, a.value.getLongCardinality()));
            }
        }
        f.questions.sort(java.util.Comparator.comparingInt(ScanFacts.QuestionCount::module)
                .thenComparingInt(ScanFacts.QuestionCount::question));
        f.answers.sort(java.util.Comparator.comparingInt(ScanFacts.AnswerCount::module)
                .thenComparingInt(ScanFacts.AnswerCount::question).thenComparingInt(ScanFacts.AnswerCount::answer));
        f.recodedQuestions.addAll(recoded);
        f.unresolvedResponses = unresolved;
        return f;
    }
}
