package org.cdrbuilder.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.cdrbuilder.app.cli.Cdr;

/**
 * A {@code cdr} command run in this JVM, with its exit code and everything it printed (out and err); shared by the
 * app's and the spark module's tests.
 */
public record CliRun(int code, String output) {
    public static CliRun of(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new CliRun(Cdr.execute(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
