package org.cdrbuilder.steps.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Survey Explorer: per module, questions answered and participants with a response; per question, participants
 * who answered; per answer, participants who gave it. Containment: participants with surveys -> a module's -> a
 * question's -> an answer's; and, when every answer row of a question carries the question as its
 * observation_concept_id, Achilles 800's cell for that concept contains the question's participants.
 */
final class SurveyCounts {
    final FamilyTable modules = new FamilyTable("survey_modules", "snapshot_survey_modules");
    final FamilyTable questions = new FamilyTable("survey_questions", "snapshot_survey_questions");
    final FamilyTable answers = new FamilyTable("survey_answers", "snapshot_survey_answers");

    SurveyCounts(SnapshotInputs in, DataTypeCounts types, DomainCounts domains, ConceptNames names) {
        ScanFacts.Surveys facts = in.events(EventTable.OBSERVATION).survey;
        Map<Integer, Cell> moduleCells = new TreeMap<>();
        in.responses.modules.forEach((module, n) -> {
            Cell c = new Cell(n);
            types.byType.get(DataType.SURVEYS).contains(c);
            moduleCells.put(module, c);
        });
        Map<Integer, Integer> questionsPerModule = new TreeMap<>();
        Map<Long, Cell> questionCells = new HashMap<>();
        Set<Integer> recoded = new HashSet<>(facts == null ? Set.of() : facts.recodedQuestions);
        Map<Integer, Cell[]> observationConcepts = domains.achilles.get(EventTable.OBSERVATION);
        for (ScanFacts.QuestionCount q : facts == null ? java.util.List.<ScanFacts.QuestionCount>of() : facts.questions) {
            Cell c = new Cell(q.persons());
            Cell module = moduleCells.get(q.module());
            if (module == null) {
                throw new IllegalStateException("answers to module " + q.module() + " without a survey_conduct response");
            }
            module.contains(c);
            Cell[] achilles = observationConcepts.get(q.question());
            if (!recoded.contains(q.question()) && achilles != null) {
                achilles[0].contains(c);
            }
            questionCells.put(key(q.module(), q.question()), c);
            questionsPerModule.merge(q.module(), 1, Integer::sum);
            questions.add(q.module(), q.question(), names.code(q.question()), names.name(q.question()), c);
        }
        for (ScanFacts.AnswerCount a : facts == null ? java.util.List.<ScanFacts.AnswerCount>of() : facts.answers) {
            Cell c = new Cell(a.persons());
            questionCells.get(key(a.module(), a.question())).contains(c);
            AnswerKey group = AnswerKey.ofKey(a.answer());
            answers.add(a.module(), a.question(), group == null ? a.answer() : 0,
                    group == null ? names.code(a.answer()) : null, group == null ? names.name(a.answer()) : group.label(), c);
        }
        moduleCells.forEach((module, c) -> modules.add(module, names.name(module), names.code(module),
                (long) questionsPerModule.getOrDefault(module, 0), c));
    }

    private static long key(int module, int question) {
        return (long) module << 32 | (question & 0xffffffffL);
    }
}
