package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * <p>An artifact may also say how its value {@linkplain #shipped travels} to another process that runs units of
 * the same build (a Spark executor): packed once where it was loaded, unpacked by the receiver instead of loading
 * it again. Without that, every process loads it itself.
 *
 * @param <T> the type of the value
 */
public final class Artifact<T> {
    private final String name;
    private final Class<?> type;
    private final boolean input;
    private final Function<BuildContext, T> loader;
    private final Shipping<T> shipping;

    private Artifact(String name, Class<?> type, boolean input, Function<BuildContext, T> loader, Shipping<T> shipping) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.input = input;
        this.loader = requireNonNull(loader, "loader is null");
        this.shipping = shipping;
    }

    private Artifact(String name, Class<?> type, boolean input, Function<BuildContext, T> loader) {
        this(name, type, input, loader, null);
    }

    /**
     * How a value is sent to another process of the same build: {@code pack} where it was loaded (the driver), into
     * something {@link Serializable} that holds no secret key; {@code unpack} in the receiving process, which may
     * take what it holds itself (its own key, say) from its context.
     */
    public interface Shipping<T> {
        Serializable pack(T value);

        T unpack(Serializable packed, BuildContext ctx);

        /** Whether the packed form is secret (the privacy mapping store): an engine ships it over encrypted links only. */
        default boolean secret() {
            return false;
        }

        /** A shipping from two functions; {@code unpack} receives what {@code pack} made. */
        static <T, S extends Serializable> Shipping<T> of(Function<T, S> pack, BiFunction<S, BuildContext, T> unpack) {
            return of(pack, unpack, false);
        }

        /** As {@link #of}, for a secret packed form ({@link #secret()}). */
        static <T, S extends Serializable> Shipping<T> secret(Function<T, S> pack, BiFunction<S, BuildContext, T> unpack) {
            return of(pack, unpack, true);
        }

        private static <T, S extends Serializable> Shipping<T> of(Function<T, S> pack,
                                                                  BiFunction<S, BuildContext, T> unpack, boolean secret) {
            requireNonNull(pack, "pack is null");
            requireNonNull(unpack, "unpack is null");
            return new Shipping<>() {
                @Override
                public Serializable pack(T value) {
                    return pack.apply(value);
                }

                @Override
                @SuppressWarnings("unchecked")
                public T unpack(Serializable packed, BuildContext ctx) {
                    return unpack.apply((S) packed, ctx);
                }

                @Override
                public boolean secret() {
                    return secret;
                }
            };
        }
    }

    /** This artifact, shipped to other processes in the form {@code shipping} gives (call once, on the constant). */
    public Artifact<T> shipped(Shipping<T> shipping) {
        return new Artifact<>(name, type, input, loader, requireNonNull(shipping, "shipping is null"));
    }

    /** This artifact, shipped as it is: its value is {@link Serializable}. */
    public Artifact<T> shipped() {
        if (!Serializable.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(name + ": " + type.getName() + " is not Serializable; give a Shipping");
        }
        @SuppressWarnings("unchecked")
        Shipping<T> asIs = Shipping.of(v -> (Serializable) v, (packed, ctx) -> (T) packed);
        return shipped(asIs);
    }

    /** Whether the value can be sent to other processes ({@link #pack}, {@link #receive}). */
    public boolean isShipped() {
        return shipping != null;
    }

    /** Whether the shipped form is secret ({@link Shipping#secret()}). */
    public boolean isSecret() {
        return shipping != null && shipping.secret();
    }

    /** The value of this build, loaded in {@code ctx} if it was not, packed for another process. */
    public Serializable pack(BuildContext ctx) {
        if (shipping == null) {
            throw new IllegalStateException("artifact " + name + " is not shipped");
        }
        return requireNonNull(shipping.pack(ctx.get(this)), "packed value is null");
    }

    /**
     * Makes a packed value this process's, unless it is already loaded here; {@code packed} is asked for only then.
     * Returns whether it was received (false: it was loaded already).
     */
    public boolean receive(BuildContext ctx, Supplier<? extends Serializable> packed) {
        if (shipping == null) {
            throw new IllegalStateException("artifact " + name + " is not shipped");
        }
        return ctx.provide(this, () -> shipping.unpack(packed.get(), ctx));
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
