package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.app.cli.ExitCodes;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that loses data fails loudly: a registry whose rows are half garbage in a field that decides who may be
 * published exits with the gate's code, publishes nothing, and says which file lost which share of its rows.
 */
class LossGateTest {
    @TempDir
    Path tmp;

    @Test
    void registryHalfGarbage_failsTheGate_publishesNothing_andNamesTheRegistryAndTheShare() throws IOException {
        Path drop = tmp.resolve("drop");
        TestFiles.copyTree(TestFiles.repoRoot().resolve("sample-data/drop"), drop);
        Path registry = drop.resolve("participants/participants.csv");
        List<String> lines = Files.readAllLines(registry);
        List<String> header = List.of(lines.get(0).split(","));
        int dob = header.indexOf("date_of_birth");
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        int garbled = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (i % 2 == 0) {
                f[dob] = f[dob].substring(8, 10) + "/" + f[dob].substring(5, 7) + "/" + f[dob].substring(0, 4);
                garbled++;
            }
            out.add(String.join(",", f));
        }
        Files.write(registry, out);
        TestSettings.of(tmp, drop, TestFiles.repoRoot().resolve("sample-data/vocabulary"), "v1",
                List.of("tiers: [registered, controlled]"));

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int code;
        try {
            code = Cdr.execute("build", "--config", tmp.resolve("config/release.yaml").toString(),
                    "--progress-interval", "0");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String output = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isEqualTo(ExitCodes.QA_FAILED);
        assertThat(tmp.resolve("releases/v1")).doesNotExist();
        assertThat(tmp.resolve("releases/latest.json")).doesNotExist();
        String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * garbled / (lines.size() - 1));
        assertThat(output).contains("registryRowsQuarantined participants/participants.csv")
                .contains("date_of_birth: not a date").contains("(" + garbled + " of " + (lines.size() - 1) + ", " + share)
                .contains("participantsMissing participants/participants.csv");
    }

}
