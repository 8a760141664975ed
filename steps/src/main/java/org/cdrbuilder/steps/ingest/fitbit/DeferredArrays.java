package org.cdrbuilder.steps.ingest.fitbit;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Arrays that could not be streamed when the parser met them because what their rows need comes later in the
 * body (JSON objects are unordered: a sleep log may put {@code dateOfSleep} after {@code levels}). They are skipped
 * in the first pass and streamed in a second pass over the same file, found again by their JSON pointer; only the
 * pointers and a reader per array are held, never the points.
 */
final class DeferredArrays {
    /** Streams one array; called with the parser on its start token. */
    @FunctionalInterface
    interface ArrayReader {
        void read(JsonParser p) throws IOException;
    }

    private final Map<String, ArrayReader> readers = new HashMap<>();

    /** Registers the array at {@code pointer} (the caller skips it in the first pass). */
    void add(String pointer, ArrayReader reader) {
        readers.put(pointer, reader);
    }

    boolean isEmpty() {
        return readers.isEmpty();
    }

    /** The second pass: streams each deferred array, in file order, with its reader. */
    void replay(JsonParser p) throws IOException {
        JsonToken t;
        while (!readers.isEmpty() && (t = p.nextToken()) != null) {
            if (t == JsonToken.START_ARRAY) {
                ArrayReader reader = readers.remove(Pointers.here(p));
                if (reader != null) {
                    reader.read(p);
                }
            }
        }
    }
}
