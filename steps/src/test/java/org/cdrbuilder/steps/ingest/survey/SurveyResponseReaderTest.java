package org.cdrbuilder.steps.ingest.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both FHIR shapes, every answer type, and every way a survey file can be bad, on hand-written resources. */
class SurveyResponseReaderTest {
    static final int THE_BASICS = 1586134;
    static final int LIFESTYLE = 1585855;
    static final int RACE = 1586140;
    static final int WHITE = 1586146;
    static final int HISPANIC = 1586147;
    static final int BIRTHPLACE = 1585845;
    static final int BIRTHPLACE_USA = 1585846;
    static final int SMOKING = 1585857;
    static final int SMOKING_YES = 1585858;
    static final int PMI_SKIP = 903096;

    static final Vocabulary VOCABULARY = PpiConcepts.of(Map.of(
            "TheBasics", THE_BASICS, "Lifestyle", LIFESTYLE, "Race_WhatRaceEthnicity", RACE,
            "WhatRaceEthnicity_White", WHITE, "WhatRaceEthnicity_Hispanic", HISPANIC,
            "TheBasics_Birthplace", BIRTHPLACE, "Birthplace_USA", BIRTHPLACE_USA,
            "Smoking_100CigsLifetime", SMOKING, "Cigs_Yes", SMOKING_YES, "PMI_Skip", PMI_SKIP));

    @TempDir
    Path dir;

    final RecordingSink sink = new RecordingSink();
    final SurveyResponseReader reader = new SurveyResponseReader(VOCABULARY);

    @AfterEach
    void reasonsNeverContainTheValue() {
        for (RecordingSink.Quarantined q : sink.quarantined) {
            String value = q.violation().value();
            if (value != null && !value.isBlank()) {
                assertThat(q.violation().reason()).as("reason of %s", q).doesNotContain(value);
            }
        }
    }

    static final String R4_RESPONSE = """
            {"resourceType": "QuestionnaireResponse", "id": "r4-1", "status": "completed",
             "questionnaire": "https://example.org/fhir/Questionnaire/TheBasics|v2",
             "subject": {"reference": "Patient/P100000001"},
             "authored": "2024-03-01T08:30:00-05:00",
             "item": [
               {"linkId": "g1", "item": [
                 {"linkId": "5696",
                  "code": [{"system": "http://terminology.pmi-ops.org/CodeSystem/ppi", "code": "Race_WhatRaceEthnicity"}],
                  "answer": [{"valueCoding": {"system": "http://terminology.pmi-ops.org/CodeSystem/ppi",
                                              "code": "WhatRaceEthnicity_White", "display": "White"}},
                             {"valueCoding": {"code": "WhatRaceEthnicity_Hispanic"}}]},
                 {"linkId": "TheBasics_Birthplace",
                  "answer": [{"valueCoding": {"code": "Birthplace_USA"},
                              "item": [{"linkId": "Birthplace_Year", "answer": [{"valueInteger": 1980}]}]}]}
               ]},
               {"linkId": "Weight_Kg", "answer": [{"valueDecimal": 72.5}]},
               {"linkId": "Comment", "answer": [{"valueString": "%s"}]},
               {"linkId": "Moved_Month", "answer": [{"valueDate": "2001-07"}]},
               {"linkId": "Moved_Day", "answer": [{"valueDate": "2001-07-04"}]},
               {"linkId": "Moved_At", "answer": [{"valueDateTime": "2001-07-04T10:00:00+02:00"}]},
               {"linkId": "Consent_Bool", "answer": [{"valueBoolean": false}]},
               {"linkId": "Unanswered"},
               {"linkId": "Unknown_Question", "answer": [{"valueCoding": {"code": "NotInVocabulary"}}]}
             ]}
            """.formatted("x".repeat(59) + "YZ-beyond-sixty");

    @Test
    void r4_nestedItemsMultipleAnswersAndEveryValueType() throws IOException {
        reader.read(TestFiles.write(dir.resolve("r4.json"), R4_RESPONSE), sink);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.conducts()).hasSize(1);
        Row conduct = sink.conducts().get(0);
        LocalDateTime authored = LocalDateTime.of(2024, 3, 1, 13, 30);
        assertThat(conduct.get("survey_conduct_id")).isEqualTo(0L);
        assertThat(conduct.get("person_id")).isEqualTo(100000001L);
        assertThat(conduct.get("survey_concept_id")).isEqualTo(THE_BASICS);
        assertThat(conduct.get("survey_start_date")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(conduct.get("survey_start_datetime")).isEqualTo(authored);
        assertThat(conduct.get("survey_end_date")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(authored);
        assertThat(conduct.get("assisted_concept_id")).isEqualTo(0);
        assertThat(conduct.get("respondent_type_concept_id")).isEqualTo(0);
        assertThat(conduct.get("timing_concept_id")).isEqualTo(0);
        assertThat(conduct.get("collection_method_concept_id")).isEqualTo(CollectionMethod.ELECTRONIC);
        assertThat(conduct.get("survey_source_value")).isEqualTo("TheBasics");
        assertThat(conduct.get("survey_source_concept_id")).isEqualTo(THE_BASICS);
        assertThat(conduct.get("survey_source_identifier")).isEqualTo("r4-1");
        assertThat(conduct.get("survey_version_number")).isEqualTo("v2");

        assertThat(sink.observations()).extracting(r -> r.get("observation_id"), r -> r.get("observation_source_value"),
                        r -> r.get("observation_concept_id"), r -> r.get("value_source_value"),
                        r -> r.get("value_as_concept_id"), r -> r.get("value_as_number"), r -> r.get("value_as_string"))
                .containsExactly(
                        tuple(0L, "Race_WhatRaceEthnicity", RACE, "WhatRaceEthnicity_White", WHITE, null, null),
                        tuple(1L, "Race_WhatRaceEthnicity", RACE, "WhatRaceEthnicity_Hispanic", HISPANIC, null, null),
                        tuple(2L, "TheBasics_Birthplace", BIRTHPLACE, "Birthplace_USA", BIRTHPLACE_USA, null, null),
                        tuple(3L, "Birthplace_Year", 0, null, null, 1980.0, null),
                        tuple(4L, "Weight_Kg", 0, null, null, 72.5, null),
                        tuple(5L, "Comment", 0, null, null, null, "x".repeat(59) + "Y"),
                        tuple(6L, "Moved_Month", 0, null, null, null, "2001-07"),
                        tuple(7L, "Moved_Day", 0, null, null, null, "2001-07-04"),
                        tuple(8L, "Moved_At", 0, null, null, null, "2001-07-04T08:00:00"),
                        tuple(9L, "Consent_Bool", 0, null, null, null, "false"),
                        tuple(10L, "Unknown_Question", 0, "NotInVocabulary", 0, null, null));
        for (Row o : sink.observations()) {
            assertThat(o.get("person_id")).isEqualTo(100000001L);
            assertThat(o.get("observation_date")).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(o.get("observation_datetime")).isEqualTo(authored);
            assertThat(o.get("observation_type_concept_id")).isEqualTo(45905771);
            assertThat(o.get("observation_source_concept_id")).isEqualTo(o.get("observation_concept_id"));
            assertThat(o.get("value_source_concept_id")).isEqualTo(o.get("value_as_concept_id"));
            assertThat(o.get("questionnaire_response_id")).isEqualTo(0L);
        }
    }

    static final String DSTU2_RESPONSE = """
            {"resourceType": "QuestionnaireResponse",
             "identifier": {"value": "legacy-7"},
             "questionnaire": {"reference": "Questionnaire/Lifestyle/_history/7"},
             "subject": {"reference": "Patient/P200000002"},
             "author": {"reference": "Practitioner/42", "display": "CATI interviewer"},
             "authored": "2019-11-05T23:15:00Z",
             "group": {"linkId": "root", "group": [
               {"linkId": "smoking", "question": [
                 {"linkId": "s1",
                  "concept": [{"system": "http://loinc.org", "code": "72166-2"},
                              {"system": "http://terminology.pmi-ops.org/CodeSystem/ppi", "code": "Smoking_100CigsLifetime"}],
                  "answer": [{"valueCoding": {"code": "Cigs_Yes"},
                              "group": [{"linkId": "s1g", "question": [
                                {"linkId": "Smoking_AgeStarted", "answer": [{"valueInteger": 16}]},
                                {"linkId": "Smoking_Daily", "answer": [{"valueCoding": {"code": "PMI_Skip"}}]}]}]}]},
                 {"linkId": "Smoking_Notes", "answer": [{"valueString": "quit twice"}, {"valueString": "now vaping"}]},
                 {"linkId": "Smoking_NoAnswer", "answer": []}
               ]}
             ]}}
            """;

    @Test
    void dstu2_groupsQuestionsConceptsAndGroupsNestedInAnswers() throws IOException {
        reader.read(TestFiles.write(dir.resolve("legacy.json"), DSTU2_RESPONSE), sink);

        assertThat(sink.quarantined).isEmpty();
        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("person_id")).isEqualTo(200000002L);
        assertThat(conduct.get("survey_concept_id")).isEqualTo(LIFESTYLE);
        assertThat(conduct.get("survey_source_value")).isEqualTo("Lifestyle");
        assertThat(conduct.get("survey_version_number")).isEqualTo("7");
        assertThat(conduct.get("survey_source_identifier")).isEqualTo("legacy-7");
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2019, 11, 5, 23, 15));
        assertThat(conduct.get("collection_method_concept_id")).isEqualTo(CollectionMethod.TELEPHONE);

        // the PPI coding of the question wins over the LOINC one listed first
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"),
                        r -> r.get("observation_concept_id"), r -> r.get("value_source_value"),
                        r -> r.get("value_as_concept_id"), r -> r.get("value_as_number"), r -> r.get("value_as_string"))
                .containsExactly(
                        tuple("Smoking_100CigsLifetime", SMOKING, "Cigs_Yes", SMOKING_YES, null, null),
                        tuple("Smoking_AgeStarted", 0, null, null, 16.0, null),
                        tuple("Smoking_Daily", 0, "PMI_Skip", PMI_SKIP, null, null),
                        tuple("Smoking_Notes", 0, null, null, null, "quit twice"),
                        tuple("Smoking_Notes", 0, null, null, null, "now vaping"));
    }

    @Test
    void ndjson_streamsLinesAndQuarantinesBrokenOnesByLineNumber() throws IOException {
        Path file = TestFiles.write(dir.resolve("surveys.ndjson"),
                oneLine(R4_RESPONSE),
                "",
                "{\"resourceType\": \"QuestionnaireResponse\", \"subject\": ",
                oneLine(DSTU2_RESPONSE).replace("\"valueInteger\": 16", "\"valueInteger\": \"16\""),
                "{\"resourceType\": \"Questionnaire\", \"id\": \"Lifestyle\", \"status\": \"active\"}",
                "{\"resourceType\": \"Patient\", \"id\": \"P1\"}",
                "[1, 2]",
                "{\"status\": \"completed\"}",
                "{\"resourceType\": \"QuestionnaireResponse\"} trailing",
                "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"a\", \"id\": \"b\"}");

        reader.read(file, sink);

        assertThat(sink.conducts()).extracting(r -> r.get("survey_conduct_id"), r -> r.get("survey_source_identifier"))
                .containsExactly(tuple(0L, "r4-1"), tuple(1L, "legacy-7"));
        assertThat(sink.observations()).hasSize(11 + 4);
        assertThat(sink.observations(("Smoking_Notes")))
                .allSatisfy(o -> assertThat(o.get("questionnaire_response_id")).isEqualTo(1L));
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::table, RecordingSink.Quarantined::line,
                        RecordingSink.Quarantined::pointer, q -> q.violation().field())
                .containsExactly(
                        tuple("survey_conduct", 3L, null, null),
                        tuple("observation", 4L, "/group/group/0/question/0/answer/0/group/0/question/0/answer/0",
                                "valueInteger"),
                        tuple("survey_conduct", 6L, null, "resourceType"),
                        tuple("survey_conduct", 7L, null, null),
                        tuple("survey_conduct", 8L, null, null),
                        tuple("survey_conduct", 9L, null, null),
                        tuple("survey_conduct", 10L, null, null));
        assertThat(sink.quarantined.get(0).violation().reason()).startsWith("not valid JSON");
        assertThat(sink.quarantined.get(1).violation().reason()).isEqualTo("valueInteger is not a JSON integer");
        assertThat(sink.quarantined.get(1).violation().value()).isEqualTo("16");
        assertThat(sink.quarantined.get(2).violation().reason()).startsWith("a resource of type Patient, not survey data");
        assertThat(sink.quarantined.get(3).violation().reason()).isEqualTo("not a FHIR resource (expected a JSON object)");
        assertThat(sink.quarantined.get(4).violation().reason()).isEqualTo("not a FHIR resource (no resourceType)");
        assertThat(sink.quarantined.get(5).violation().reason()).startsWith("not valid JSON");
        assertThat(sink.quarantined.get(6).violation().reason()).startsWith("not valid JSON");
    }

    @Test
    void missingSubject_quarantinesTheResponseAndEveryAnswer() throws IOException {
        String response = R4_RESPONSE.replace("\"subject\": {\"reference\": \"Patient/P100000001\"},", "");

        reader.read(TestFiles.write(dir.resolve("nosubject.json"), response), sink);

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined("survey_conduct")).singleElement().satisfies(q -> {
            assertThat(q.line()).isNull();
            assertThat(q.pointer()).isEqualTo("/subject");
            assertThat(q.violation().field()).isEqualTo("person_id");
            assertThat(q.violation().reason()).isEqualTo("no subject reference");
        });
        assertThat(sink.quarantined("observation")).extracting(RecordingSink.Quarantined::pointer).containsExactly(
                "/item/0/item/0/answer/0", "/item/0/item/0/answer/1", "/item/0/item/1/answer/0",
                "/item/0/item/1/answer/0/item/0/answer/0", "/item/1/answer/0", "/item/2/answer/0", "/item/3/answer/0",
                "/item/4/answer/0", "/item/5/answer/0", "/item/6/answer/0", "/item/8/answer/0");
        assertThat(sink.quarantined("observation")).allSatisfy(q -> assertThat(q.violation().reason())
                .isEqualTo("response is unusable: no subject reference"));
        assertThat(sink.nextLocalId("survey_conduct")).as("no id spent on a quarantined response").isZero();
    }

    @Test
    void unusableAuthoredOrSubject_namesTheElementAndKeepsTheValue() throws IOException {
        reader.read(TestFiles.write(dir.resolve("a.json"),
                R4_RESPONSE.replace("2024-03-01T08:30:00-05:00", "yesterday")), sink);
        reader.read(TestFiles.write(dir.resolve("b.json"),
                DSTU2_RESPONSE.replace("Patient/P200000002", "Group/200000002").replace("\"authored\"", "\"_x\"")), sink);

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined("survey_conduct")).extracting(RecordingSink.Quarantined::pointer,
                        q -> q.violation().field(), q -> q.violation().reason(), q -> q.violation().value())
                .containsExactly(
                        tuple("/authored", "survey_end_datetime", "authored is not a datetime "
                                + "(expected YYYY-MM-DD[ HH:MM:SS[.ffffff]][ UTC|Z|+HH:MM])", "yesterday"),
                        tuple("/subject", "person_id",
                                "subject is not a participant (expected Patient/P<digits>); no authored time",
                                "Group/200000002"));
        assertThat(sink.quarantined("observation")).hasSize(11 + 5);
    }

    @Test
    void unreadableAnswers_quarantineThatAnswerOnly() throws IOException {
        String response = """
                {"resourceType": "QuestionnaireResponse", "subject": {"reference": "123456789"},
                 "authored": "2020-01-01", "questionnaire": {"reference": "Questionnaire/2794594"},
                 "item": [
                   {"linkId": "ok", "answer": [{"valueString": "fine"}]},
                   {"linkId": "none", "answer": [{"item": [{"linkId": "child", "answer": [{"valueInteger": 3}]}]}]},
                   {"linkId": "two", "answer": [{"valueDecimal": 44.3, "valueInteger": 44}]},
                   {"linkId": "intAsText", "answer": [{"valueInteger": "five"}]},
                   {"linkId": "intAsDecimal", "answer": [{"valueInteger": 2.5}]},
                   {"linkId": "intTooBig", "answer": [{"valueInteger": 3000000000}]},
                   {"linkId": "decimalAsText", "answer": [{"valueDecimal": "1.5"}]},
                   {"linkId": "noCode", "answer": [{"valueCoding": {"system": "x", "display": "Yes"}}]},
                   {"linkId": "codingAsText", "answer": [{"valueCoding": "Yes"}]},
                   {"linkId": "boolAsText", "answer": [{"valueBoolean": "yes"}]},
                   {"linkId": "badDate", "answer": [{"valueDate": "2001-02-30"}]},
                   {"linkId": "dateTimeAsDate", "answer": [{"valueDate": "2001-02-03T04:05:06Z"}]},
                   {"linkId": "badDateTime", "answer": [{"valueDateTime": "2001-02-03T25:00:00Z"}]},
                   {"linkId": "emptyText", "answer": [{"valueString": ""}]},
                   {"linkId": "quantity", "answer": [{"valueQuantity": {"value": 3, "unit": "kg"}}]},
                   {"linkId": "notObject", "answer": ["Yes"]},
                   {"text": "no code, no linkId", "answer": [{"valueString": "orphan"}]},
                   {"linkId": "%s", "answer": [{"valueString": "code too long"}]},
                   {"linkId": "%s", "answer": [{"valueString": "code just fits"}]},
                   {"linkId": "answerCodeTooLong", "answer": [{"valueCoding": {"code": "%s"}}]}
                 ]}
                """.formatted("Q".repeat(256), "Q".repeat(255), "A".repeat(256));

        reader.read(TestFiles.write(dir.resolve("bad.json"), response), sink);

        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("person_id")).isEqualTo(123456789L);
        assertThat(conduct.get("survey_concept_id")).as("a numeric id names no module").isEqualTo(0);
        assertThat(conduct.get("survey_source_value")).isNull();
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"), r -> r.get("value_as_string"),
                        r -> r.get("value_as_number"), r -> r.get("observation_id"))
                .containsExactly(tuple("ok", "fine", null, 0L), tuple("child", null, 3.0, 1L),
                        // codes longer than their column are kept whole: source_values_truncated cuts them, counted
                        tuple("Q".repeat(256), "code too long", null, 2L),
                        tuple("Q".repeat(255), "code just fits", null, 3L),
                        tuple("answerCodeTooLong", null, null, 4L));
        assertThat(sink.observations().get(4).get("value_source_value")).isEqualTo("A".repeat(256));
        assertThat(sink.quarantined).allSatisfy(q -> {
            assertThat(q.table()).isEqualTo("observation");
            assertThat(q.line()).isNull();
        });
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::pointer, q -> q.violation().field(),
                        q -> q.violation().reason(), q -> q.violation().value())
                .containsExactly(
                        tuple("/item/1/answer/0", null, "answer has no value[x]", null),
                        tuple("/item/2/answer/0", null,
                                "answer has 2 values [valueDecimal, valueInteger] (expected exactly one)", null),
                        tuple("/item/3/answer/0", "valueInteger", "valueInteger is not a JSON integer", "five"),
                        tuple("/item/4/answer/0", "valueInteger", "valueInteger is not a JSON integer", "2.5"),
                        tuple("/item/5/answer/0", "valueInteger", "valueInteger is out of the 32-bit range",
                                "3000000000"),
                        tuple("/item/6/answer/0", "valueDecimal", "valueDecimal is not a JSON number", "1.5"),
                        tuple("/item/7/answer/0", "valueCoding", "valueCoding has no code",
                                "{\"system\":\"x\",\"display\":\"Yes\"}"),
                        tuple("/item/8/answer/0", "valueCoding", "valueCoding is not a JSON object", "Yes"),
                        tuple("/item/9/answer/0", "valueBoolean", "valueBoolean is not a JSON boolean", "yes"),
                        tuple("/item/10/answer/0", "valueDate", "not a valid calendar date", "2001-02-30"),
                        tuple("/item/11/answer/0", "valueDate",
                                "not a FHIR date (expected YYYY, YYYY-MM or YYYY-MM-DD)", "2001-02-03T04:05:06Z"),
                        tuple("/item/12/answer/0", "valueDateTime", "not a valid calendar date or time",
                                "2001-02-03T25:00:00Z"),
                        tuple("/item/13/answer/0", "valueString", "valueString is empty", ""),
                        tuple("/item/14/answer/0", "valueQuantity", "unsupported answer type valueQuantity",
                                "{\"value\":3,\"unit\":\"kg\"}"),
                        tuple("/item/15/answer/0", null, "answer is not a JSON object", "Yes"),
                        tuple("/item/16/answer/0", "observation_source_value",
                                "question has neither a code nor a linkId", null));
    }

    @Test
    void bundle_usesItsQuestionnaireForModuleAndLinkIds_andPointsIntoEntries() throws IOException {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "P300000003"}},
                  {"resource": {"resourceType": "QuestionnaireResponse", "id": "b-1",
                                "questionnaire": {"reference": "Questionnaire/21"},
                                "subject": {"reference": "Patient/P300000003"},
                                "authored": "2022-02-02T02:02:02+00:00",
                                "item": [{"linkId": "5690", "answer": [{"valueCoding": {"code": "Birthplace_USA"}}]},
                                         {"linkId": "5691", "answer": [{"valueString": "n/a"}]},
                                         {"linkId": "5692", "answer": [{}]}]}},
                  {"resource": {"resourceType": "Questionnaire", "id": "21", "status": "active",
                                "code": [{"system": "http://terminology.pmi-ops.org/CodeSystem/ppi", "code": "TheBasics"}],
                                "item": [{"linkId": "g", "type": "group", "item": [
                                  {"linkId": "5690", "type": "choice",
                                   "code": [{"system": "http://terminology.pmi-ops.org/CodeSystem/ppi",
                                             "code": "TheBasics_Birthplace"}]}]}]}},
                  {"resource": {"resourceType": "QuestionnaireResponse", "id": "b-2",
                                "questionnaire": {"reference": "Questionnaire/99"},
                                "subject": {"reference": "Patient/P300000003"},
                                "authored": "2022-02-03",
                                "item": [{"linkId": "5690", "answer": [{"valueCoding": {"code": "Birthplace_USA"}}]}]}}
                ]}
                """;

        reader.read(TestFiles.write(dir.resolve("bundle.json"), bundle), sink);

        assertThat(sink.conducts()).extracting(r -> r.get("survey_source_identifier"), r -> r.get("survey_source_value"),
                        r -> r.get("survey_concept_id"), r -> r.get("survey_conduct_id"))
                .containsExactly(tuple("b-1", "TheBasics", THE_BASICS, 0L), tuple("b-2", null, 0, 1L));
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"),
                        r -> r.get("observation_concept_id"), r -> r.get("questionnaire_response_id"))
                .containsExactly(tuple("TheBasics_Birthplace", BIRTHPLACE, 0L), tuple("5691", 0, 0L),
                        tuple("5690", 0, 1L));
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::table, RecordingSink.Quarantined::line,
                        RecordingSink.Quarantined::pointer)
                .containsExactly(tuple("observation", null, "/entry/1/resource/item/2/answer/0"));
    }

    @Test
    void jsonFileThatIsNotJson_isOneQuarantinedSourceRowWithoutLine() throws IOException {
        reader.read(TestFiles.write(dir.resolve("broken.json"), "{", "  \"resourceType\": \"QuestionnaireResponse\",",
                "  \"id\": oops"), sink);

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("survey_conduct");
            assertThat(q.line()).isNull();
            assertThat(q.pointer()).isNull();
            assertThat(q.violation().field()).isNull();
            assertThat(q.violation().reason()).startsWith("not valid JSON (line 3, column");
        });
    }

    @Test
    void resourcesOfAnotherType_areQuarantinedNamingTheirType_andQuestionnairesAreNoRows() throws IOException {
        reader.read(TestFiles.write(dir.resolve("q.json"),
                "{\"resourceType\": \"Questionnaire\", \"id\": \"TheBasics\", \"status\": \"active\"}"), sink);
        reader.read(TestFiles.write(dir.resolve("obs.ndjson"),
                "{\"resourceType\": \"Observation\", \"id\": \"1\"}", "{\"resourceType\": \"Patient\"}"), sink);

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::line, q -> q.violation().field(),
                q -> q.violation().reason()).containsExactly(
                tuple(1L, "resourceType", "a resource of type Observation, not survey data (expected QuestionnaireResponse, "
                        + "Questionnaire or Bundle)"),
                tuple(2L, "resourceType", "a resource of type Patient, not survey data (expected QuestionnaireResponse, "
                        + "Questionnaire or Bundle)"));
    }

    @Test
    void telephoneCollection_fromExtensionOrSource() throws IOException {
        String cati = R4_RESPONSE.replace("\"status\": \"completed\",", "\"status\": \"completed\", \"extension\": "
                + "[{\"url\": \"http://all-of-us.org/fhir/forms/non-participant-author\", \"valueString\": \"CATI\"}],");
        String phone = R4_RESPONSE.replace("\"status\": \"completed\",",
                "\"status\": \"completed\", \"source\": {\"display\": \"Telephone interview\"},");
        String web = R4_RESPONSE.replace("\"status\": \"completed\",",
                "\"status\": \"completed\", \"source\": {\"display\": \"communication portal\"},");

        reader.read(TestFiles.write(dir.resolve("surveys.ndjson"), oneLine(cati), oneLine(phone), oneLine(web)), sink);

        assertThat(sink.conducts()).extracting(r -> r.get("collection_method_concept_id"))
                .containsExactly(CollectionMethod.TELEPHONE, CollectionMethod.TELEPHONE, CollectionMethod.ELECTRONIC);
    }

    @Test
    void otherFileNames_areRejected() {
        Path file = TestFiles.write(dir.resolve("surveys.csv"), "a,b");

        assertThatThrownBy(() -> reader.read(file, sink)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".json or .ndjson");
    }

    static String oneLine(String json) {
        return json.replace("\n", " ");
    }
}
