package org.cdrbuilder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code cdr stages} prints the stage graph the job is assembled from, for the tiers of the settings. */
class StagesCommandTest {
    @Test
    void printsEveryStageWithItsNeedsAndTheirProducers() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = new CommandLine(new StagesCommand(new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .execute("--config", TestFiles.repoRoot().resolve("config/release.yaml").toString());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out.lines().filter(l -> !l.startsWith(" ")).toList()).containsExactly("vocabulary", "ingest",
                "harmonize", "clean", "derive", "privacy-registered", "references-registered", "privacy-controlled",
                "references-controlled", "qa", "snapshot", "audit", "publish");
        assertThat(out).contains("privacy-controlled\n  needs    vocabulary-index: Vocabulary  <- vocabulary\n")
                .contains("  needs    privacy-rules[controlled]: RuleEngine  <- privacy-registered\n")
                .contains("  needs    release-report[controlled]: BuildReportInputs  <- qa\n");
    }
}
