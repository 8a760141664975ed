package org.cdrbuilder.steps.ingest.fitbit;

import java.io.IOException;

import org.cdrbuilder.schema.TableDef;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** JSON pointers, lines and structure checks of the value a parser is on. */
final class Pointers {
    private Pointers() {
    }

    /**
     * The JSON pointer of the value the parser is on: a scalar, an object or array at its start or end token (for
     * an array element just finished, e.g. {@code /activities-heart-intraday/dataset/17}).
     */
    static String here(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }

    /** The 1-based line the current token starts on. */
    static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /**
     * True when the parser is on the start of {@code expected}; otherwise quarantines one entry for the whole value,
     * skips it and returns false.
     */
    static boolean expect(JsonParser p, JsonToken expected, FitbitRows rows, TableDef table)
            throws IOException {
        if (p.currentToken() == expected) {
            return true;
        }
        long line = line(p);
        String pointer = here(p);
        JsonValue found = JsonValue.read(p);
        rows.fileProblem(table, line, pointer,
                expected == JsonToken.START_ARRAY ? "expected a JSON array" : "expected a JSON object", found.text());
        return false;
    }
}
