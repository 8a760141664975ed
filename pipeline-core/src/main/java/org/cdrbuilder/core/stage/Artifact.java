package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Something a stage needs or produces that is more than its own rows: the vocabulary index, the registry, the id
 * plan, a tier's removed visits, the release report... An artifact has a name, a type and one loader, kept in the
 * package of the code that produces it. The loader builds the value from the settings or from the work directory
 * (what an earlier stage wrote), never from memory of an earlier process, so a restarted build loads the same
 * value. {@link BuildContext#get} loads each artifact at most once per process.
 *
 * <p>An artifact is either an <em>input</em> (read from the drop, the vocabulary, the configuration or the private
 * directory; no stage produces it) or the product of exactly one stage, which lists it in {@link Stage#produces()};
 * {@code Pipeline} checks, when the job is assembled, that every artifact a stage needs is an input or the product
 * of an earlier stage.
 *
 * @param <T> the type of the value
 */
public final class Artifact<T> {
    private final String name;
    private final Class<?> type;
    private final boolean input;
    private final Function<BuildContext, T> loader;

    private Artifact(String name, Class<?> type, boolean input, Function<BuildContext, T> loader) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.input = input;
        this.loader = requireNonNull(loader, "loader is null");
    }

    /** An artifact read from the build's inputs (drop, vocabulary, configuration, private directory). */
    public static <T> Artifact<T> input(String name, Class<?> type, Function<BuildContext, T> loader) {
        return new Artifact<>(name, type, true, loader);
    }

    /** An artifact a stage produces; the loader reads it back from what that stage wrote. */
    public static <T> Artifact<T> product(String name, Class<?> type, Function<BuildContext, T> loader) {
        return new Artifact<>(name, type, false, loader);
    }

    /** One artifact per tier, made on first use and the same instance for the same tier. */
    public static <T> PerTier<T> perTier(String name, Class<?> type, boolean input,
                                         BiFunction<BuildContext, String, T> loader) {
        return new PerTier<>(name, type, input, loader);
    }

    public String name() {
        return name;
    }

    /** The class of the value, shown in the stage graph. */
    public Class<?> type() {
        return type;
    }

    /** Whether the artifact comes from the build's inputs rather than from a stage. */
    public boolean isInput() {
        return input;
    }

    T load(BuildContext ctx) {
        T value = loader.apply(ctx);
        if (value == null) {
            throw new IllegalStateException("artifact " + name + " loaded as null");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }

    /** The artifacts of one kind, one per tier ({@code removed-visits[registered]}...). */
    public static final class PerTier<T> {
        private final String name;
        private final Class<?> type;
        private final boolean input;
        private final BiFunction<BuildContext, String, T> loader;
        private final Map<String, Artifact<T>> byTier = new ConcurrentHashMap<>();

        private PerTier(String name, Class<?> type, boolean input, BiFunction<BuildContext, String, T> loader) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            this.input = input;
            this.loader = requireNonNull(loader, "loader is null");
        }

        public Artifact<T> of(String tier) {
            requireNonNull(tier, "tier is null");
            return byTier.computeIfAbsent(tier,
                    t -> new Artifact<>(name + "[" + t + "]", type, input, ctx -> loader.apply(ctx, t)));
        }
    }
}
