package org.cdrbuilder.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian package {@code chromium}, installed by {@code scripts/services.sh start chromium}) for
 * tests of HTML pages; tests using it are skipped, with a message, when it is absent.
 */
final class Chromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--window-size=1400,1000");

    private Chromium() {
    }

    static Path require() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        Assumptions.abort("chromium not installed (scripts/services.sh start chromium installs it); HTML test skipped");
        return null;
    }

    /** The DOM after the page's scripts ran. */
    static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    static void screenshot(Path html, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(html, "--screenshot=" + png.toAbsolutePath());
    }

    private static String run(Path html, String action) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require().toString());
        cmd.addAll(FLAGS);
        cmd.add(action);
        cmd.add(html.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s");
        }
        String s = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return s;
    }
}
