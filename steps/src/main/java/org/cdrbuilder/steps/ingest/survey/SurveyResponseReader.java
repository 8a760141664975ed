package org.cdrbuilder.steps.ingest.survey;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the FHIR {@code QuestionnaireResponse} resources of one survey file into {@code survey_conduct} rows (one
 * per response) and {@code observation} rows (one per answer), in both the R4 {@code item[]}/{@code answer[]} shape
 * and the legacy DSTU2 {@code group}/{@code question} shape.
 *
 * <p>A {@code .json} file holds one resource or a FHIR {@code Bundle} of them and is read as one JSON tree; a
 * {@code .ndjson} file holds one resource per line and is streamed line by line, so that only one resource is in
 * memory at a time. Other resource types are skipped and not counted as source rows: a {@code Questionnaire} is
 * remembered for the rest of the file (in a Bundle, for the whole Bundle) so that responses referring to it by id
 * get its module code and the question codes of its {@code linkId}s; anything else (Patient, Observation, ...) is
 * not survey data.
 *
 * <p>Nothing is dropped silently: text that is not JSON, JSON that is not a FHIR resource, an empty {@code .json}
 * file, responses without a usable subject or authored time (with every one of their answers) and answers whose
 * value cannot be read go to the sink's quarantine. For {@code .ndjson} the quarantine names the 1-based line; for
 * {@code .json} the line is null and the JSON pointer locates the element. Question and answer codes longer than
 * their columns are quarantined too: a code cut to fit would be another code.
 *
 * <p>Instances hold no per-file state and may read several files at once.
 */
public final class SurveyResponseReader {
    static final String CONDUCT_TABLE = "survey_conduct";
    static final String OBSERVATION_TABLE = "observation";

    private final Codings codings;
    private final SurveyRows rows;
    private final ObjectMapper json;

    public SurveyResponseReader(Vocabulary vocabulary) {
        this.codings = new Codings(requireNonNull(vocabulary, "vocabulary is null"));
        this.rows = new SurveyRows(codings);
        this.json = JsonMapper.builder()
                // "{...} garbage" and duplicate keys are not one unambiguous resource
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Reads every QuestionnaireResponse of a file: {@code .json} = one resource (or a FHIR Bundle of them),
     * {@code .ndjson} = one resource per line.
     *
     * @throws IllegalArgumentException when the file name ends neither in {@code .json} nor in {@code .ndjson}
     * @throws IOException when the file cannot be read
     */
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(sink, "sink is null");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ResourceRouter router = newRouter(sink);
        if (name.endsWith(".ndjson")) {
            readLines(file, router, sink);
        } else if (name.endsWith(".json")) {
            readDocument(file, router, sink);
        } else {
            throw new IllegalArgumentException("not a survey file (expected .json or .ndjson): " + file.getFileName());
        }
    }

    private ResourceRouter newRouter(IngestSink sink) {
        QuestionnaireIndex questionnaires = new QuestionnaireIndex(codings);
        ResponseMapper mapper = new ResponseMapper(codings, rows, questionnaires, sink);
        return new ResourceRouter(mapper, questionnaires, sink);
    }

    private void readDocument(Path file, ResourceRouter router, IngestSink sink) throws IOException {
        JsonNode document;
        try (InputStream in = Files.newInputStream(file)) {
            document = json.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            sink.quarantine(CONDUCT_TABLE, null, null, new Violation(null, "not valid JSON" + where, null));
            return;
        }
        if (document == null || document.isMissingNode()) {
            // most likely a failed export: made visible rather than read as "no surveys"
            sink.quarantine(CONDUCT_TABLE, null, null, new Violation(null, "empty file (no FHIR resource)", null));
            return;
        }
        router.route(document, null, "");
    }

    private void readLines(Path file, ResourceRouter router, IngestSink sink) throws IOException {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            long number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    readLine(line, number, router, sink);
                }
            }
        }
    }

    private void readLine(String line, long number, ResourceRouter router, IngestSink sink) {
        JsonNode resource;
        try {
            resource = json.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (column " + at.getColumnNr() + ")";
            sink.quarantine(CONDUCT_TABLE, number, null, new Violation(null, "not valid JSON" + where, null));
            return;
        }
        router.route(resource, number, "");
    }
}
