package org.cdrbuilder.steps.ingest.pm;

import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.validate.Violation;
import org.cdrbuilder.core.vocab.Vocabulary;
import org.cdrbuilder.steps.ingest.IngestSink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads one session Bundle (a Composition and its Observations) into a visit and its measurements. A session whose
 * participant or time cannot be established is quarantined whole: its visit and one measurement per Observation.
 */
final class SessionReader {
    private final Vocabulary vocabulary;
    private final IngestSink sink;

    SessionReader(Vocabulary vocabulary, IngestSink sink) {
        this.vocabulary = vocabulary;
        this.sink = sink;
    }

    /**
     * @param pointer JSON pointer of the Bundle within what was parsed ("" for the top level)
     * @param line the .ndjson line, or null
     */
    void read(JsonNode bundle, String pointer, Long line) {
        JsonNode entries = bundle.path("entry").isArray() ? bundle.path("entry") : MissingNode.getInstance();
        int composition = firstIndexOf(entries, "Composition");
        SessionHeader header;
        try {
            header = SessionHeader.of(bundle, composition < 0 ? null : resource(entries, composition));
        } catch (SessionHeader.UnusableSession e) {
            quarantine(entries, pointer, composition, line, e.violation());
            return;
        }
        SessionRows rows = new SessionRows(vocabulary, sink, header, line);
        rows.visit();
        ObservationReader observations = new ObservationReader(header,
                (p, v) -> sink.quarantine(SessionRows.MEASUREMENT_TABLE, line, p, v));
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (isObservation(entries, i)) {
                readings.addAll(observations.read(resource(entries, i), entryPointer(pointer, i)));
            }
        }
        readings.forEach(rows::reading);
        SessionMeans.of(readings).forEach(rows::mean);
    }

    private void quarantine(JsonNode entries, String pointer, int composition, Long line, Violation violation) {
        sink.quarantine(SessionRows.VISIT_TABLE, line,
                composition < 0 ? pointer : entryPointer(pointer, composition), violation);
        for (int i = 0; i < entries.size(); i++) {
            if (isObservation(entries, i)) {
                sink.quarantine(SessionRows.MEASUREMENT_TABLE, line, entryPointer(pointer, i), violation);
            }
        }
    }

    static String entryPointer(String bundlePointer, int index) {
        return bundlePointer + "/entry/" + index + "/resource";
    }

    private static JsonNode resource(JsonNode entries, int index) {
        return entries.get(index).path("resource");
    }

    private static boolean isObservation(JsonNode entries, int index) {
        return "Observation".equals(Fhir.resourceType(resource(entries, index)));
    }

    private static int firstIndexOf(JsonNode entries, String resourceType) {
        for (int i = 0; i < entries.size(); i++) {
            if (resourceType.equals(Fhir.resourceType(resource(entries, i)))) {
                return i;
            }
        }
        return -1;
    }
}
