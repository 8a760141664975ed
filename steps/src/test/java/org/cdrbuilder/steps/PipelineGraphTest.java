package org.cdrbuilder.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.core.stage.WorkUnit;
import org.cdrbuilder.steps.common.ReferenceData;
import org.cdrbuilder.steps.testing.MiniDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage graph: declared needs and products, checked when the job is assembled. */
class PipelineGraphTest {
    @TempDir
    Path tmp;

    @Test
    void theBuildsStagesAreWired_andTheGraphShowsWhoProducesWhat() {
        List<Stage> stages = Pipeline.stages(MiniDrop.settings(tmp));
        String graph = Pipeline.describe(stages);
        assertThat(graph).contains("harmonize\n  needs    vocabulary-index: Vocabulary  <- vocabulary\n"
                + "  needs    registry: Registry  <- ingest\n");
        assertThat(graph).contains("references-controlled\n  produces removed-visits[controlled]: RemovedVisits\n");
        assertThat(graph).contains("publish\n").contains("  needs    release-report[controlled]: BuildReportInputs  <- qa");
        assertThat(graph).contains("  needs    privacy-key: PrivacyKey  <- input");
        // every stage that reads the vocabulary declares it
        for (Stage s : stages) {
            if (List.of("harmonize", "clean", "qa", "publish").contains(s.name())) {
                assertThat(s.needs()).as(s.name()).contains(ReferenceData.VOCABULARY);
            }
        }
    }

    @Test
    void aStageNeedingWhatNoEarlierStageProduces_isRefusedWhenTheJobIsAssembled() {
        List<Stage> stages = new ArrayList<>(Pipeline.stages(MiniDrop.settings(tmp)));
        Stage harmonize = stages.remove(2); // harmonize before ingest: the registry is not produced yet
        stages.add(1, harmonize);
        assertThatThrownBy(() -> Pipeline.check(stages)).isInstanceOf(IllegalStateException.class)
                .hasMessage("stage harmonize needs registry, which no earlier stage produces");

        Artifact<String> product = Artifact.product("extra", String.class, ctx -> "x");
        List<Stage> twice = List.of(producing("a", product), producing("b", product));
        assertThatThrownBy(() -> Pipeline.check(twice)).hasMessage("artifact extra is produced by both a and b");
    }

    @Test
    void anArtifactLoadsOncePerProcess_andEachHasItsOwnLock() throws Exception {
        BuildContext ctx = new BuildContext(MiniDrop.settings(tmp));
        int[] loads = {0};
        java.util.concurrent.CountDownLatch inSlow = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Artifact<String> slow = Artifact.input("slow", String.class, c -> {
            inSlow.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "slow";
        });
        Artifact<String> fast = Artifact.input("fast", String.class, c -> "fast" + (++loads[0]));
        Thread t = new Thread(() -> ctx.get(slow));
        t.start();
        inSlow.await();
        // while another thread is loading "slow", "fast" loads without waiting for it (no global lock)
        assertThat(ctx.get(fast)).isEqualTo("fast1");
        assertThat(ctx.get(fast)).isEqualTo("fast1");
        assertThat(ctx.isLoaded(slow)).isFalse();
        release.countDown();
        t.join();
        assertThat(ctx.get(slow)).isEqualTo("slow");
        assertThat(loads[0]).isEqualTo(1);
        ctx.invalidate(fast);
        assertThat(ctx.get(fast)).isEqualTo("fast2");
    }

    private static Stage producing(String name, Artifact<?> a) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Artifact<?>> produces() {
                return List.of(a);
            }

            @Override
            public List<WorkUnit> plan(BuildContext ctx) {
                return List.of();
            }

            @Override
            public void run(WorkUnit unit, BuildContext ctx) {
            }
        };
    }
}
