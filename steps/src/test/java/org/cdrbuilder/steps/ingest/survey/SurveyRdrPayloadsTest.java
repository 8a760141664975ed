package org.cdrbuilder.steps.ingest.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cdrbuilder.core.row.Row;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The All of Us RDR's own QuestionnaireResponse test payloads (../shared/testdata/aou-rdr-payloads, BSD licensed),
 * with their template placeholders filled in: every file is read with every answer accounted for, and several are
 * checked value by value.
 */
class SurveyRdrPayloadsTest {
    static final long PERSON = 123456789L;
    static final String PARTICIPANT = "P123456789";
    static final String AUTHORED = "2017-01-01T12:00:00Z";
    static final int THE_BASICS = 1586134;
    static final int BIRTHPLACE = 1585845;
    static final int BIRTHPLACE_USA = 1585846;
    static final int GENDER_IDENTITY = 1585838;
    static final int GENDER_MAN = 1585839;
    static final int GENDER_WOMAN = 1585840;
    static final int RACE = 1586140;
    static final int NHPI = 1586145;
    static final int PMI_SKIP = 903096;
    static final int PMI_PREFER_NOT = 903079;

    static final Vocabulary VOCABULARY = PpiConcepts.of(Map.ofEntries(
            Map.entry("TheBasics", THE_BASICS), Map.entry("TheBasics_Birthplace", BIRTHPLACE),
            Map.entry("Birthplace_USA", BIRTHPLACE_USA), Map.entry("Gender_GenderIdentity", GENDER_IDENTITY),
            Map.entry("GenderIdentity_Man", GENDER_MAN), Map.entry("GenderIdentity_Woman", GENDER_WOMAN),
            Map.entry("Race_WhatRaceEthnicity", RACE), Map.entry("WhatRaceEthnicity_NHPI", NHPI),
            Map.entry("PMI_Skip", PMI_SKIP), Map.entry("PMI_PreferNotToAnswer", PMI_PREFER_NOT)));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}|\\$([a-z_]+)|%\\(([a-z_]+)\\)s");

    @TempDir
    Path tmp;

    Path payloads;
    final RecordingSink sink = new RecordingSink();
    final SurveyResponseReader reader = new SurveyResponseReader(VOCABULARY);
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void requireTestdata() {
        Path shared = TestFiles.sharedTestdata();
        Assumptions.assumeTrue(shared != null, "SKIPPED: ../shared/testdata not present");
        payloads = shared.resolve("aou-rdr-payloads");
    }

    @TestFactory
    Stream<DynamicTest> everyResponseFile_accountsForTheResponseAndEveryAnswer() throws IOException {
        Path shared = TestFiles.sharedTestdata();
        Assumptions.assumeTrue(shared != null, "SKIPPED: ../shared/testdata not present");
        List<Path> files;
        try (Stream<Path> list = Files.list(shared.resolve("aou-rdr-payloads/questionnaire_responses"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(22);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> accountsForAll(f)));
    }

    private void accountsForAll(Path template) throws IOException {
        String text = fill(Files.readString(template, StandardCharsets.UTF_8), "TheBasics");
        RecordingSink files = new RecordingSink();

        reader.read(TestFiles.write(tmp.resolve(template.getFileName()), text), files);

        int answers = countAnswers(json.readTree(text));
        assertThat(files.conducts().size() + files.quarantined("survey_conduct").size()).isEqualTo(1);
        assertThat(files.observations().size() + files.quarantined("observation").size()).isEqualTo(answers);
        assertThat(files.quarantined).allSatisfy(q -> {
            assertThat(q.line()).isNull();
            assertThat(q.pointer()).startsWith("/");
        });
        for (Row o : files.observations()) {
            Row conduct = files.conducts().get(0);
            assertThat(o.get("person_id")).isEqualTo(PERSON);
            assertThat(o.get("questionnaire_response_id")).isEqualTo(conduct.get("survey_conduct_id"));
            assertThat(o.get("observation_datetime")).isEqualTo(conduct.get("survey_end_datetime"));
            assertThat(o.get("observation_type_concept_id")).isEqualTo(45905771);
        }
    }

    @Test
    void theBasics_linkIdsAnswerCodesAndCatiCollection() throws IOException {
        read("questionnaire_the_basics_resp.json", "TheBasics");

        assertThat(sink.quarantined).isEmpty();
        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("person_id")).isEqualTo(PERSON);
        assertThat(conduct.get("survey_concept_id")).isEqualTo(THE_BASICS);
        assertThat(conduct.get("survey_source_value")).isEqualTo("TheBasics");
        assertThat(conduct.get("survey_source_identifier")).isEqualTo("851847069");
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2017, 7, 11, 16, 32, 40));
        assertThat(conduct.get("collection_method_concept_id")).as("non-participant-author extension says CATI")
                .isEqualTo(CollectionMethod.TELEPHONE);
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"),
                        r -> r.get("value_source_value"))
                .containsExactly(tuple("5690", "Birthplace_USA"), tuple("9823", "WhiteSpecific_Polish"),
                        tuple("5708", "GenderIdentity_NonBinary"),
                        tuple("9360", "CloserGenderDescription_SpecifiedGender"),
                        tuple("5726", "AvtiveDutyServeStatus_Yes"), tuple("5729", "CurrentMaritalStatus_Separated"),
                        tuple("9762", "HealthInsurance_No"), tuple("5742", "EmploymentStatus_OutOfWorkOneOrMore"),
                        tuple("5758", "CurrentHomeOwn_OtherArrangement"), tuple("5765", "HowManyLivingYears_1to2"),
                        tuple("5769", "StableHouseConcern_Yes"));
        Row birthplace = sink.observation("5690");
        assertThat(birthplace.get("observation_concept_id")).as("a linkId is not a PPI code").isEqualTo(0);
        assertThat(birthplace.get("value_as_concept_id")).isEqualTo(BIRTHPLACE_USA);
        assertThat(birthplace.get("value_source_concept_id")).isEqualTo(BIRTHPLACE_USA);
        assertThat(birthplace.get("value_as_string")).isNull();
    }

    @Test
    void theBasics_withItsQuestionnaireInTheSameBundle_getsQuestionCodes() throws IOException {
        String questionnaire = Files.readString(payloads.resolve("questionnaires/questionnaire_the_basics.json"));
        String response = fill(Files.readString(
                payloads.resolve("questionnaire_responses/questionnaire_the_basics_resp_multiple_race_2.json")), "21");
        String bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + "{\"resource\": " + response + "}, {\"resource\": " + questionnaire + "}]}";

        reader.read(TestFiles.write(tmp.resolve("bundle.json"), bundle), sink);

        assertThat(sink.quarantined).isEmpty();
        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_source_value")).as("Questionnaire 21 is The Basics").isEqualTo("TheBasics");
        assertThat(conduct.get("survey_concept_id")).isEqualTo(THE_BASICS);
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value")).containsExactly(
                "TheBasics_Birthplace", "White_WhiteSpecific", "Race_WhatRaceEthnicity", "Race_WhatRaceEthnicity",
                "ActiveDuty_AvtiveDutyServeStatus", "MaritalStatus_CurrentMaritalStatus", "Insurance_HealthInsurance",
                "Employment_EmploymentStatus", "HomeOwn_CurrentHomeOwn", "LivingSituation_HowManyLivingYears",
                "LivingSituation_StableHouseConcern");
        assertThat(sink.observation("TheBasics_Birthplace").get("observation_concept_id")).isEqualTo(BIRTHPLACE);
        assertThat(sink.observations("Race_WhatRaceEthnicity")).extracting(r -> r.get("observation_concept_id"),
                        r -> r.get("value_source_value"), r -> r.get("value_as_concept_id"))
                .containsExactly(tuple(RACE, "WhatRaceEthnicity_NHPI", NHPI),
                        tuple(RACE, "PMI_PreferNotToAnswer", PMI_PREFER_NOT));
    }

    @Test
    void multipleGender_oneRowPerAnswerOfTheSameQuestion() throws IOException {
        read("questionnaire_the_basics_resp_multiple_gender.json", "TheBasics");

        assertThat(sink.observations()).hasSize(11);
        assertThat(sink.observations("5708")).extracting(r -> r.get("value_source_value"),
                        r -> r.get("value_as_concept_id"), r -> r.get("questionnaire_response_id"))
                .containsExactly(tuple("GenderIdentity_Man", GENDER_MAN, 0L), tuple("GenderIdentity_Woman", GENDER_WOMAN, 0L));
    }

    @Test
    void familyHistory_87AnswersWithSkips_includingAnswerCodesLongerThanCdm50() throws IOException {
        read("questionnaire_family_history_resp.json", "FamilyHistory");

        // real answer codes exceed OMOP's VARCHAR(50): staged whole, cut by source_values_truncated in each tier
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.observations()).hasSize(87);
        assertThat(sink.observations()).extracting(r -> r.get("observation_id"))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 87).boxed().toList());
        assertThat(sink.observations()).extracting(r -> r.get("value_source_value"))
                .contains("GrandparentCirculatoryCondition_CongestiveHeartFailure",
                        "GrandparentCirculatoryCondition_CoronaryArteryHeartDisease",
                        "GrandparentSkeletalMuscularCondition_Osteoarthritis");
        assertThat(sink.observations("6485")).extracting(r -> r.get("value_source_value")).containsExactly(
                "SiblingMentalCondition_AnxietyPanic", "SiblingMentalCondition_Depression",
                "SiblingMentalCondition_DrugUse");
        assertThat(sink.observations().stream().filter(r -> "PMI_Skip".equals(r.get("value_source_value"))))
                .hasSize(53).allSatisfy(r -> assertThat(r.get("value_as_concept_id")).isEqualTo(PMI_SKIP));
        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_source_value")).isEqualTo("FamilyHistory");
        assertThat(conduct.get("survey_concept_id")).as("not in the test vocabulary").isEqualTo(0);
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2018, 7, 23, 21, 21, 12));
    }

    @Test
    void response3_valueTypesNestedGroupsAndBadAnswers() throws IOException {
        read("questionnaire_response3.json", "TheBasics");

        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_end_datetime")).as("+10:00 converted to UTC")
                .isEqualTo(LocalDateTime.of(2013, 2, 19, 4, 15));
        assertThat(conduct.get("survey_source_identifier")).isEqualTo("1234567890");
        assertThat(conduct.get("collection_method_concept_id")).isEqualTo(CollectionMethod.ELECTRONIC);
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"), r -> r.get("value_as_string"),
                        r -> r.get("value_as_number"), r -> r.get("value_source_value"))
                .containsExactly(
                        tuple("nameOfChild", "Cathy Jones", null, null),
                        tuple("sex", null, null, "f"),
                        tuple("birthWeight", null, 3.25, null),
                        tuple("vitaminKgiven", null, null, "INJECTION"),
                        tuple("vitaminiKDose1", "1972-11-30", null, null),
                        tuple("vitaminiKDose2", "1972-11-30T12:34:42", null, null),
                        tuple("hepBgiven", "true", null, null),
                        tuple("abnormalitiesAtBirth", null, 0.0, null),
                        tuple("ignoreThis", null, null, "IgnoreThis"));
        assertThat(sink.quarantined).extracting(RecordingSink.Quarantined::pointer, q -> q.violation().reason())
                .containsExactly(
                        tuple("/group/group/0/group/1/question/1/answer/0",
                                "answer has 2 values [valueDecimal, valueInteger] (expected exactly one)"),
                        tuple("/group/group/0/group/1/question/3/answer/0/group/0/question/0/answer/0",
                                "question has neither a code nor a linkId"));
    }

    @Test
    void response4_versionFromHistory() throws IOException {
        read("questionnaire_response4.json", "TheBasics");

        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_version_number")).isEqualTo("V3");
        assertThat(conduct.get("survey_source_value")).isEqualTo("TheBasics");
        assertThat(conduct.get("survey_source_identifier")).isNull();
    }

    @Test
    void response2_withoutSubjectOrAuthored_isUnusable() throws IOException {
        read("questionnaire_response2.json", "TheBasics");

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined("survey_conduct")).singleElement().satisfies(q -> {
            assertThat(q.pointer()).isEqualTo("/subject");
            assertThat(q.violation().reason()).isEqualTo("no subject reference; no authored time");
        });
        assertThat(sink.quarantined("observation")).hasSize(9).first().satisfies(q -> {
            assertThat(q.pointer()).isEqualTo("/group/group/0/group/0/question/0/answer/0");
            assertThat(q.violation().reason()).isEqualTo("response is unusable: no subject reference; no authored time");
        });
    }

    @Test
    void demographics_withoutAuthored_isUnusable() throws IOException {
        read("questionnaire_response_demographics.json", "TheBasics");

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.quarantined("survey_conduct")).singleElement()
                .satisfies(q -> assertThat(q.pointer()).isEqualTo("/authored"));
        assertThat(sink.quarantined("observation")).extracting(RecordingSink.Quarantined::pointer).containsExactly(
                "/group/group/0/group/0/question/0/answer/0", "/group/group/0/group/1/question/0/answer/0",
                "/group/group/0/group/2/question/0/answer/0", "/group/group/0/group/2/question/1/answer/0",
                "/group/group/0/group/3/question/0/answer/0", "/group/group/0/group/4/question/0/answer/0",
                "/group/group/0/group/5/question/1/answer/0", "/group/group/0/group/5/question/2/answer/0",
                "/group/group/0/group/5/question/3/answer/0", "/group/group/0/group/5/question/5/answer/0");
    }

    @Test
    void response1_questionsWithoutLinkIdAndANumericQuestionnaireId() throws IOException {
        read("questionnaire_response1.json", "TheBasics");

        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_concept_id")).isEqualTo(0);
        assertThat(conduct.get("survey_source_value")).as("Questionnaire/2794594 names no module").isNull();
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2013, 2, 19, 14, 15));
        assertThat(sink.observations()).isEmpty();
        assertThat(sink.quarantined("observation")).hasSize(4).allSatisfy(q -> assertThat(q.violation().reason())
                .isEqualTo("question has neither a code nor a linkId"));
    }

    @Test
    void empty_isOneSurveyConductWithoutObservations() throws IOException {
        read("questionnaire_response_empty.json", "TheBasics");

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.observations()).isEmpty();
        assertThat(sink.conducts()).singleElement().satisfies(c -> {
            assertThat(c.get("person_id")).isEqualTo(PERSON);
            assertThat(c.get("survey_start_datetime")).isEqualTo(LocalDateTime.of(2013, 2, 19, 4, 15));
        });
    }

    @Test
    void consent_percentPlaceholdersIdentifierAndScalarAnswers() throws IOException {
        read("questionnaire_response_consent.json", "ConsentPII");

        Row conduct = sink.conducts().get(0);
        assertThat(conduct.get("survey_source_identifier")).isEqualTo("9287");
        assertThat(conduct.get("survey_source_value")).isEqualTo("ConsentPII");
        assertThat(conduct.get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2017, 5, 8, 19, 9, 19));
        assertThat(sink.observation("9841").get("value_as_string")).isEqualTo("yes");
        assertThat(sink.observation("6707").get("value_as_number")).isEqualTo(1.0);
        assertThat(sink.observation("6773").get("value_as_string")).isEqualTo("true");
        assertThat(sink.observation("6780").get("value_as_string")).isEqualTo("2017-05-08");
        assertThat(sink.observation("first_name_link_id").get("value_as_string")).isEqualTo("newman");
        assertThat(sink.observations("6779")).as("a question without answer has no row").isEmpty();
    }

    @Test
    void example_dollarPlaceholders() throws IOException {
        read("questionnaire_response_example.json", "TheBasics");

        assertThat(sink.conducts().get(0).get("survey_end_datetime")).isEqualTo(LocalDateTime.of(2017, 1, 1, 12, 0));
        assertThat(sink.observations()).extracting(r -> r.get("observation_source_value"),
                        r -> r.get("value_source_value"))
                .containsExactly(tuple("race", "race_code"), tuple("ethnicity", "ethnicity_code"),
                        tuple("stateOfResidence", "state_of_residence_code"));
    }

    /** Answers anywhere in the tree, nested ones included (JsonNode#findValues stops at the first match). */
    private static int countAnswers(JsonNode node) {
        int n = 0;
        JsonNode answers = node.get("answer");
        if (answers != null && answers.isArray()) {
            n += answers.size();
        }
        for (JsonNode child : node) {
            n += countAnswers(child);
        }
        return n;
    }

    private void read(String name, String questionnaireId) throws IOException {
        String text = fill(Files.readString(payloads.resolve("questionnaire_responses").resolve(name)), questionnaireId);
        reader.read(TestFiles.write(tmp.resolve(name), text), sink);
    }

    /** Fills the RDR's {name}, $name and %(name)s template placeholders. */
    static String fill(String template, String questionnaireId) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(value(name, questionnaireId)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, String questionnaireId) {
        if (name.startsWith("participant")) {
            return PARTICIPANT;
        }
        if (name.endsWith("questionnaire_id")) {
            return questionnaireId;
        }
        if (name.endsWith("authored")) {
            return AUTHORED;
        }
        return name.equals("semantic_version") ? "V3" : name;
    }

}
