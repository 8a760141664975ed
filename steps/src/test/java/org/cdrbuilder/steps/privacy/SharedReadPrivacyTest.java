package org.cdrbuilder.steps.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.io.Fingerprint;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.LocalStageRunner;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.UnitReport;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.core.testing.TestSettings;
import org.cdrbuilder.steps.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both tiers' privacy outputs written from one read of the shared candidate are, file for file and byte for byte,
 * what each tier's stage writes when it runs alone; and the second tier's stage then runs nothing.
 */
class SharedReadPrivacyTest {
    @TempDir
    Path tmp;

    @Test
    void oneReadForBothTiers_givesTheBytesOfSeparatePasses() throws Exception {
        Path sample = TestFiles.repoRoot().resolve("sample-data");
        List<String> yaml = List.of("tiers: [registered, controlled]");
        BuildSettings shared = TestSettings.of(tmp.resolve("shared"), sample.resolve("drop"), sample.resolve("vocabulary"),
                "v1", yaml);
        BuildContext a = new BuildContext(shared);
        List<Stage> stages = Pipeline.stages(shared);
        int privacy = 0;
        while (!stages.get(privacy).name().startsWith(PrivacyStage.PREFIX)) {
            privacy++;
        }
        new LocalStageRunner(a).run(stages.subList(0, privacy).toArray(new Stage[0]));
        // the same candidate and private state for the separate passes
        TestFiles.copyTree(tmp.resolve("shared/work"), tmp.resolve("alone/work"));
        TestFiles.copyTree(tmp.resolve("shared/private"), tmp.resolve("alone/private"));
        BuildSettings aloneSettings = TestSettings.of(tmp.resolve("alone"), sample.resolve("drop"),
                sample.resolve("vocabulary"), "v1", yaml);
        BuildContext b = new BuildContext(aloneSettings);

        Stage lead = stages.get(privacy);
        Stage second = stages.stream().filter(s -> s.name().equals(PrivacyStage.nameOf("controlled"))).findFirst().orElseThrow();
        assertThat(lead.name()).isEqualTo(PrivacyStage.nameOf("registered"));
        new LocalStageRunner(a).run(lead);
        // the lead wrote the second tier's units: its stage has nothing left to run
        Map<String, String> secondBefore = digests(a.layout().root().resolve(second.name()));
        assertThat(secondBefore).isNotEmpty();
        for (var u : second.plan(a)) {
            assertThat(a.layout().isDone(second.name(), u.id())).as(u.id()).isTrue();
            assertThat(second.doneElsewhere(u, a)).isTrue();
        }
        new LocalStageRunner(a).run(second);
        assertThat(digests(a.layout().root().resolve(second.name()))).isEqualTo(secondBefore);

        new LocalStageRunner(b).run(new PrivacyStage("registered"), new PrivacyStage("controlled"));
        for (String tier : List.of("registered", "controlled")) {
            String stage = PrivacyStage.nameOf(tier);
            Map<String, String> one = digests(a.layout().root().resolve(stage).resolve("data"));
            Map<String, String> alone = digests(b.layout().root().resolve(stage).resolve("data"));
            assertThat(one).as(tier).hasSizeGreaterThan(10).isEqualTo(alone);
            assertThat(digests(a.layout().root().resolve(stage).resolve("sandbox")))
                    .isEqualTo(digests(b.layout().root().resolve(stage).resolve("sandbox")));
            assertThat(counts(a.layout().reports(stage))).as(tier).isEqualTo(counts(b.layout().reports(stage)));
        }
        // the tiers differ (else the test proves nothing about lanes being kept apart)
        assertThat(digests(a.layout().root().resolve(PrivacyStage.nameOf("registered")).resolve("data")))
                .isNotEqualTo(digests(a.layout().root().resolve(PrivacyStage.nameOf("controlled")).resolve("data")));
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (p.toString().endsWith(".parquet")) {
                    out.put(dir.relativize(p).toString(), Fingerprint.sha256(p));
                }
            }
        }
        return out;
    }

    private static Map<String, String> counts(List<UnitReport> reports) {
        Map<String, String> out = new TreeMap<>();
        for (UnitReport r : reports) {
            r.tables.forEach((t, c) -> out.put(r.unit + "/" + t, c.in + ">" + c.out + " removed " + c.removed
                    + " changed " + c.changed + " created " + c.created));
        }
        return out;
    }
}
