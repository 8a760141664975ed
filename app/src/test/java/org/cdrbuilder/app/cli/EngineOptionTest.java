package org.cdrbuilder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cdrbuilder.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdr build --engine}: the default jar has no Spark, and says how to get it; directory options and URIs. */
class EngineOptionTest {

    private static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {Integer.toString(r.code()), r.output()};
    }

    @Test
    void engineSpark_withoutTheSparkModule_exits2AndSaysHowToGetIt(@TempDir Path tmp) {
        String[] r = run("build", "--engine", "spark", "--work", tmp.resolve("work").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("spark engine is not on the class path").contains("scripts/cdr")
                .contains("spark-submit").contains("docs/CLUSTER.md");
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void unknownEngine_andSparkMasterWithoutSpark_exit2() {
        assertThat(run("build", "--engine", "flink")[1]).contains("unknown engine 'flink'");
        String[] r = run("build", "--spark-master", "local[2]");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--spark-master needs --engine spark");
    }

    @Test
    void location_fileUriIsTheLocalPath_otherFileSystemsAreRefused() {
        Location l = new Location();
        assertThat(l.convert("file:///data/drop%202026")).isEqualTo(Path.of("/data/drop 2026"));
        assertThat(l.convert("file:/data/drop")).isEqualTo(Path.of("/data/drop"));
        assertThat(l.convert("relative/dir")).isEqualTo(Path.of("relative/dir"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.convert("hdfs://nn:8020/drop"))
                .hasMessageContaining("hdfs:// is not supported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.convert("s3a://bucket/work"))
                .hasMessageContaining("s3a:// is not supported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.convert("file://otherhost/drop"))
                .hasMessageContaining("not the host otherhost");
        String[] r = run("build", "--releases", "s3a://bucket/releases");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--releases").contains("s3a:// is not supported");
    }
}
