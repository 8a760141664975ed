package org.cdrbuilder.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes RFC 4180 CSV records (quoting only when needed). */
final class Csv {
    private Csv() {
    }

    static void row(Writer w, Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                Object f = fields[i];
                if (f == null) {
                    continue;
                }
                String s = f.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    w.write('"');
                    w.write(s.replace("\"", "\"\""));
                    w.write('"');
                } else {
                    w.write(s);
                }
            }
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void raw(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
