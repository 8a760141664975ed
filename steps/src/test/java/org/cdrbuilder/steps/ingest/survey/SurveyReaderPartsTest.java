package org.cdrbuilder.steps.ingest.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.validate.ValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The small parts of the survey reader: references, subjects, collection method, dates, answer values, text. */
class SurveyReaderPartsTest {
    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "Questionnaire/TheBasics,                                  TheBasics, null, TheBasics",
            "https://example.org/fhir/Questionnaire/TheBasics|v2,      TheBasics, v2,   TheBasics",
            "Questionnaire/21/_history/3,                              21,        3,    null",
            "428,                                                      428,       null, null",
            "http://x.org/Questionnaire/Lifestyle/_history/2|7,        Lifestyle, 7,    Lifestyle"})
    void questionnaireReference_moduleAndVersion(String reference, String id, String version, String module) {
        QuestionnaireReference parsed = QuestionnaireReference.parse(reference);

        assertThat(parsed.id()).isEqualTo(id);
        assertThat(parsed.version()).isEqualTo(version);
        assertThat(parsed.moduleCode()).isEqualTo(module);
    }

    @Test
    void questionnaireReference_canonicalBaseAndNothingNamed() throws Exception {
        assertThat(QuestionnaireReference.of(json.readTree("\"https://example.org/Questionnaire/TheBasics|v2\"")).base())
                .isEqualTo("https://example.org/Questionnaire/TheBasics");
        assertThat(QuestionnaireReference.of(json.readTree("{\"reference\": \"Questionnaire/x\"}")).id()).isEqualTo("x");
        assertThat(QuestionnaireReference.parse("Questionnaire/|v1")).isNull();
        assertThat(QuestionnaireReference.parse("Questionnaire")).isNull();
        assertThat(QuestionnaireReference.parse("Questionnaire/COPE/")).isNull();
        assertThat(QuestionnaireReference.of(json.readTree("{\"display\": \"The Basics\"}"))).isNull();
        assertThat(QuestionnaireReference.of(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "Patient/P123456789,                              123456789",
            "Patient/123,                                     123",
            "P42,                                             42",
            "987654321,                                       987654321",
            "https://fhir.example.org/Patient/P5/_history/2,  5",
            "Group/P1,                                        -1",
            "Patient/abc,                                     -1",
            "Patient/$participant_id,                         -1",
            "/P1,                                             -1",
            "null,                                            -1"})
    void subjectReference_personId(String reference, long personId) {
        assertThat(SubjectReference.personId(reference)).isEqualTo(personId);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"extension\": [{\"url\": \"http://all-of-us.org/fhir/forms/non-participant-author\", \"valueString\": \"CATI\"}]}|42530794",
            "{\"author\": {\"reference\": \"Practitioner/cati-7\"}}|42530794",
            "{\"source\": {\"display\": \"TELEPHONE\"}}|42530794",
            "{\"source\": {\"display\": \"communication portal\"}}|42531021",
            "{\"extension\": [{\"url\": \"education\", \"valueCode\": \"dedication\"}]}|42531021",
            "{\"text\": {\"div\": \"telephone\"}}|42531021",
            "{}|42531021"})
    void collectionMethod_telephoneOnlyWhenSaidAsAWord(String response, int concept) throws Exception {
        assertThat(CollectionMethod.of(json.readTree(response))).isEqualTo(concept);
    }

    @ParameterizedTest
    @CsvSource({
            "1972,                         1972",
            "1972-11,                      1972-11",
            "1972-11-30,                   1972-11-30",
            "2001-07-04T10:00:00+02:00,    2001-07-04T08:00:00",
            "2001-07-04T10:00:00.250Z,     2001-07-04T10:00:00.25",
            "2001-07-04T23:30:00-01:00,    2001-07-05T00:30:00"})
    void fhirDateText_isoInUtc(String text, String iso) {
        assertThat(FhirDateText.dateTime(text)).isEqualTo(iso);
    }

    @Test
    void fhirDateText_rejectsWhatFhirRejects() {
        assertThatThrownBy(() -> FhirDateText.date("1972-13")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> FhirDateText.date("19721130")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> FhirDateText.date("1972-02-30")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> FhirDateText.dateTime("1972-11-30T12:00:00+99:00")).isInstanceOf(ValueException.class);
    }

    @Test
    void answerValue_primitiveExtensionsAreNotValues() throws Exception {
        JsonNode answer = json.readTree("{\"valueString\": \"x\", \"_valueString\": {\"extension\": []}}");

        assertThat(AnswerValueReader.read(answer)).isEqualTo(new AnswerValue.Text("x"));
    }

    @Test
    void truncate_neverSplitsASurrogatePair() {
        String text = "a".repeat(59) + "\uD83D\uDE00" + "tail";

        assertThat(SurveyRows.truncate(text, 60)).isEqualTo("a".repeat(59));
        assertThat(SurveyRows.truncate("b".repeat(70), 60)).hasSize(60);
        assertThat(SurveyRows.truncate("short", 60)).isEqualTo("short");
    }

    @Test
    void emptyJsonFile_isQuarantined_andNdjsonByteOrderMarkIsIgnored(@TempDir Path dir) throws Exception {
        RecordingSink sink = new RecordingSink();
        SurveyResponseReader reader = new SurveyResponseReader(SurveyResponseReaderTest.VOCABULARY);

        reader.read(TestFiles.write(dir.resolve("empty.json"), ""), sink);
        reader.read(TestFiles.write(dir.resolve("bom.ndjson"), "\uFEFF{\"resourceType\": \"QuestionnaireResponse\", "
                + "\"subject\": {\"reference\": \"Patient/P1\"}, \"authored\": \"2020-05-05\"}"), sink);

        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("survey_conduct");
            assertThat(q.violation().reason()).isEqualTo("empty file (no FHIR resource)");
        });
        assertThat(sink.conducts()).singleElement().satisfies(c -> assertThat(c.get("person_id")).isEqualTo(1L));
    }
}
