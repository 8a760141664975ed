package org.cdrbuilder.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.cdrbuilder.app.cli.Cdr;

/** A {@code cdr} command run in this JVM, with its exit code and everything it printed (out, err and the log). */
record CdrRun(int code, String output) {
    static CdrRun of(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new CdrRun(Cdr.execute(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
