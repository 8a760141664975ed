package org.cdrbuilder.steps.ingest.pm;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads physical-measurement sessions (FHIR Bundles of type document: a Composition and its Observations, DSTU2-era
 * or R4) into {@code visit_occurrence} and {@code measurement} rows: per session one visit, one measurement per
 * reading (blood-pressure panels give one per component), and the computed means (systolic, diastolic and heart
 * rate from readings 2 and 3; waist and hip from the two closest of three readings), written only when the readings
 * they need exist and the session does not carry that mean already. Imperial readings are converted to cm and kg.
 * Person ids are participant numbers and row ids are the sink's local ids.
 *
 * <p>Files: {@code .json} holds one Bundle, or a Bundle whose entries are session Bundles (read as one tree);
 * {@code .ndjson} holds one Bundle per line, streamed one line at a time; either may be gzipped ({@code .gz}).
 * Resources that are not Bundles (the remote-measurement QuestionnaireResponses, amendment fragments) are not
 * sessions and are skipped without being counted; so are entries of a session other than Composition, Observation
 * or a nested Bundle.
 *
 * <p>Nothing is dropped silently: a session without a usable participant or time, or entered in error, quarantines
 * its visit and one measurement per Observation; a reading without a numeric value or unit, with an unknown value type, a foreign
 * subject or a bad effective time quarantines that measurement; a line (or file) that is not JSON quarantines one
 * visit with its line number.
 */
public final class PhysicalMeasurementReader {
    /** Decimals stay exact and as written (no binary rounding, trailing zeros kept) until a row is written. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** How much of an unreadable line is kept as the quarantined value. */
    private static final int KEPT_CHARACTERS = 200;

    private final Vocabulary vocabulary;

    public PhysicalMeasurementReader(Vocabulary vocabulary) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /**
     * Reads every physical-measurement session of a file: .json = one FHIR Bundle (or a Bundle of Bundles),
     * .ndjson = one Bundle per line.
     *
     * @throws IOException when the file cannot be read (content that is not JSON is quarantined instead)
     * @throws IllegalArgumentException when the file name ends in neither .json nor .ndjson (optionally .gz)
     */
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(sink, "sink is null");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        String plain = gzip ? name.substring(0, name.length() - 3) : name;
        SessionReader sessions = new SessionReader(vocabulary, sink);
        if (plain.endsWith(".ndjson")) {
            readLines(file, gzip, sessions, sink);
        } else if (plain.endsWith(".json")) {
            readDocument(file, gzip, sessions, sink);
        } else {
            throw new IllegalArgumentException("not a .json or .ndjson file: " + file);
        }
    }

    private static void readDocument(Path file, boolean gzip, SessionReader sessions, IngestSink sink)
            throws IOException {
        JsonNode root;
        try (InputStream in = open(file, gzip)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.quarantine(SessionRows.VISIT_TABLE, at == null ? null : (long) at.getLineNr(), null,
                    new Violation(null, "the file is not valid JSON" + column(e), null));
            return;
        }
        if (root != null) {
            resource(root, "", null, sessions);
        }
    }

    private static void readLines(Path file, boolean gzip, SessionReader sessions, IngestSink sink) throws IOException {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(open(file, gzip), StandardCharsets.UTF_8))) {
            long number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    readLine(line, number, sessions, sink);
                }
            }
        }
    }

    private static void readLine(String line, long number, SessionReader sessions, IngestSink sink) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            sink.quarantine(SessionRows.VISIT_TABLE, number, null,
                    new Violation(null, "the line is not valid JSON" + column(e), kept(line)));
            return;
        }
        if (!node.isObject()) {
            sink.quarantine(SessionRows.VISIT_TABLE, number, null,
                    new Violation(null, "the line is not a JSON object", kept(line)));
            return;
        }
        resource(node, "", number, sessions);
    }

    /** Reads a Bundle: its nested Bundles, then itself when it holds a Composition or Observations. */
    private static void resource(JsonNode resource, String pointer, Long line, SessionReader sessions) {
        if (!"Bundle".equals(Fhir.resourceType(resource))) {
            return;
        }
        JsonNode entries = resource.path("entry");
        boolean session = false;
        for (int i = 0; entries.isArray() && i < entries.size(); i++) {
            JsonNode r = entries.get(i).path("resource");
            String type = Fhir.resourceType(r);
            if ("Bundle".equals(type)) {
                resource(r, SessionReader.entryPointer(pointer, i), line, sessions);
            } else if ("Composition".equals(type) || "Observation".equals(type)) {
                session = true;
            }
        }
        if (session) {
            sessions.read(resource, pointer, line);
        }
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!gzip) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static String column(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? "" : " (column " + at.getColumnNr() + ")";
    }

    private static String kept(String line) {
        return line.length() <= KEPT_CHARACTERS ? line : line.substring(0, KEPT_CHARACTERS);
    }
}
