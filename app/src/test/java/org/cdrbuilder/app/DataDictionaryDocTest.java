package org.cdrbuilder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdrbuilder.app.cli.Cdr;
import org.cdrbuilder.app.cli.DictionaryCommand;
import org.cdrbuilder.core.config.ReleaseConfig;
import org.cdrbuilder.core.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/DATA-DICTIONARY.md is the output of {@code cdr dictionary --format md} for this repository's configuration. */
class DataDictionaryDocTest {

    private static String run(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Cdr.execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void committedMarkdown_isTheGeneratedDictionary() throws Exception {
        Path root = TestFiles.repoRoot();
        ReleaseConfig config = ReleaseConfig.read(root.resolve("config/release.yaml"));
        String md = DictionaryCommand.markdown(root.resolve("config").resolve(config.tierProfiles), config.tiers);
        assertThat(Files.readString(root.resolve("docs/DATA-DICTIONARY.md")))
                .as("docs/DATA-DICTIONARY.md is stale: run scripts/update-data-dictionary").isEqualTo(md);
        assertThat(run("dictionary", "--format", "md", "--config", root.resolve("config/release.yaml").toString()))
                .isEqualTo(md);
    }

    @Test
    void html_ofOneTier_toAFile(@TempDir Path tmp) throws Exception {
        Path root = TestFiles.repoRoot();
        Path out = tmp.resolve("d/dictionary.html");
        run("dictionary", "--format", "html", "--tier", "controlled", "--release-version", "v7", "--config",
                root.resolve("config/release.yaml").toString(), "--out", out.toString());
        assertThat(Files.readString(out)).contains("Release v7").contains("controlled tier").doesNotContain("dates_shifted");
    }
}
