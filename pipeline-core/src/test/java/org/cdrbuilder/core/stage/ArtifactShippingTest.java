package org.cdrbuilder.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cdrbuilder.core.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactShippingTest {
    @TempDir
    java.nio.file.Path tmp;

    private org.cdrbuilder.core.config.BuildSettings settings() {
        return TestSettings.of(tmp, tmp.resolve("drop"), tmp.resolve("vocabulary"));
    }

    @Test
    void receive_usesThePackedValueInsteadOfTheLoader_onceInAProcess() {
        AtomicInteger loads = new AtomicInteger();
        Artifact<ArrayList<String>> a = Artifact.<ArrayList<String>>input("names", ArrayList.class, c -> {
            loads.incrementAndGet();
            return new ArrayList<>(List.of("loaded"));
        }).shipped();
        BuildContext driver = new BuildContext(settings());
        java.io.Serializable packed = a.pack(driver);
        assertThat(loads).hasValue(1);

        BuildContext executor = new BuildContext(settings());
        AtomicInteger asked = new AtomicInteger();
        assertThat(a.receive(executor, () -> {
            asked.incrementAndGet();
            return new ArrayList<>(List.of("shipped"));
        })).isTrue();
        assertThat(executor.get(a)).containsExactly("shipped");
        assertThat(a.receive(executor, () -> packed)).as("already there").isFalse();
        assertThat(asked).hasValue(1);
        assertThat(loads).as("the executor never loaded it").hasValue(1);
        assertThat(packed).isEqualTo(List.of("loaded"));
    }

    @Test
    void receive_afterALoad_keepsTheLoadedValue_andUnshippedArtifactsRefuse() {
        Artifact<ArrayList<String>> a = Artifact.<ArrayList<String>>input("names", ArrayList.class,
                c -> new ArrayList<>(List.of("loaded"))).shipped();
        BuildContext ctx = new BuildContext(settings());
        ctx.get(a);
        assertThat(a.receive(ctx, () -> new ArrayList<>(List.of("shipped")))).isFalse();
        assertThat(ctx.get(a)).containsExactly("loaded");

        Artifact<StringBuilder> plain = Artifact.input("plain", StringBuilder.class, c -> new StringBuilder());
        assertThat(plain.isShipped()).isFalse();
        assertThatThrownBy(() -> plain.pack(ctx)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Artifact.input("thread", Thread.class, c -> new Thread()).shipped())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not Serializable");
    }

    @Test
    void secretShipping_isMarkedSecret() {
        Artifact<String> s = Artifact.<String>input("secret", String.class, c -> "x")
                .shipped(Artifact.Shipping.secret(v -> v, (p, c) -> p));
        assertThat(s.isSecret()).isTrue();
        assertThat(Artifact.<String>input("open", String.class, c -> "x").shipped().isSecret()).isFalse();
    }
}
