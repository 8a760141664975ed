package org.cdrbuilder.steps.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.stage.FaultInjector;
import org.cdrbuilder.core.stage.InjectedFaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version is published as one unit, from any state an interrupted attempt can leave. */
class ReleaseLayoutTest {
    static final ReleaseVersion V1 = ReleaseVersion.parse("v1");
    @TempDir
    Path tmp;

    private ReleaseLayout assemble(String token, String... tiers) throws Exception {
        ReleaseLayout l = new ReleaseLayout(tmp.resolve("releases"));
        for (String t : tiers) {
            Path dir = Files.createDirectories(l.partial(V1, t).resolve("omop/person"));
            Files.writeString(dir.resolve("part-00000.parquet"), token + " " + t);
            Files.writeString(l.partial(V1, t).resolve("manifest.json"), "{\"build_id\": \"" + token + "\"}");
        }
        return l;
    }

    private static FaultInjector killAt(String point) {
        return (stage, unit, rows) -> {
            if (unit.equals(point)) {
                throw new InjectedFaultException("killed at " + point);
            }
        };
    }

    @Test
    void allTiersAppearTogether_andLatestNamesEveryTier() throws Exception {
        ReleaseLayout l = assemble("a", "registered", "controlled");
        l.publish(V1, "a", false, FaultInjector.NONE);
        assertThat(l.version(V1)).isDirectoryContaining("glob:**/registered").isDirectoryContaining("glob:**/controlled");
        assertThat(l.staging(V1)).doesNotExist();
        assertThat(l.latest()).isEqualTo(Map.of("registered", "v1", "controlled", "v1"));
        assertThat(l.publishedBy(V1, "a")).isTrue();
        assertThat(l.publishedBy(V1, "another build")).isFalse();
    }

    @Test
    void killedAfterTheRename_theSameBuildFinishes_anotherBuildIsRefused() throws Exception {
        ReleaseLayout l = assemble("a", "registered", "controlled");
        assertThatThrownBy(() -> l.publish(V1, "a", false, killAt("swap.moved"))).isInstanceOf(InjectedFaultException.class);
        assertThat(l.latestFile()).doesNotExist();
        l.publish(V1, "a", false, FaultInjector.NONE); // the same command again
        assertThat(l.latest()).containsEntry("controlled", "v1").containsEntry("registered", "v1");
        ReleaseLayout other = assemble("b", "registered", "controlled");
        assertThatThrownBy(() -> other.publish(V1, "b", false, FaultInjector.NONE))
                .isInstanceOf(ReleaseExistsException.class).hasMessageContaining("--replace");
    }

    @Test
    void replacing_keepsTiersNotRebuilt_andResumesAfterAKillBetweenTheTwoRenames() throws Exception {
        ReleaseLayout l = assemble("a", "registered", "controlled");
        l.publish(V1, "a", false, FaultInjector.NONE);
        ReleaseLayout again = assemble("b", "controlled");
        assertThatThrownBy(() -> again.publish(V1, "b", true, killAt("swap.old-moved")))
                .isInstanceOf(InjectedFaultException.class);
        assertThat(l.version(V1)).doesNotExist(); // between the renames: neither version visible, old one kept aside
        assertThat(l.replaced(V1)).isDirectory();
        again.publish(V1, "b", true, FaultInjector.NONE);
        assertThat(Files.readString(l.published(V1, "controlled").resolve("omop/person/part-00000.parquet"))).isEqualTo("b controlled");
        assertThat(Files.readString(l.published(V1, "registered").resolve("omop/person/part-00000.parquet")))
                .as("the tier not rebuilt is kept").isEqualTo("a registered");
        assertThat(l.replaced(V1)).doesNotExist();
        assertThat(l.staging(V1)).doesNotExist();
        assertThat(l.latest()).isEqualTo(Map.of("registered", "v1", "controlled", "v1"));
    }

    @Test
    void latestNeverGoesBack() throws Exception {
        ReleaseLayout l = new ReleaseLayout(tmp.resolve("releases"));
        l.updateLatest(Map.of("registered", "v3"));
        l.updateLatest(Map.of("registered", "v2", "controlled", "v2"));
        assertThat(l.latest()).isEqualTo(Map.of("registered", "v3", "controlled", "v2"));
    }
}
