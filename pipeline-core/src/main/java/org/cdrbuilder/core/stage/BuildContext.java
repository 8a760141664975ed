package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.schema.CdrSchema;

/**
 * What every stage of one build shares: settings, the work layout, the schema, progress counters, and the
 * {@linkplain Artifact artifacts} loaded so far (vocabulary index, registry...), each loaded once per process. After
 * a restart nothing is loaded and artifacts are loaded again from the work directory, never from memory of a
 * previous run.
 */
public final class BuildContext {
    private final BuildSettings settings;
    private final WorkLayout layout;
    private final Progress progress = new Progress();
    private final Map<Artifact<?>, Loaded<?>> artifacts = new ConcurrentHashMap<>();
    private volatile FaultInjector faults = FaultInjector.NONE;
    private volatile RunOptions options = RunOptions.DEFAULT;

    public BuildContext(BuildSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.layout = new WorkLayout(settings.versionWork());
    }

    public BuildSettings settings() {
        return settings;
    }

    public WorkLayout layout() {
        return layout;
    }

    public CdrSchema schema() {
        return CdrSchema.get();
    }

    public Progress progress() {
        return progress;
    }

    /**
     * The value of an artifact, loaded on first use and kept for the rest of the process. Each artifact has its own
     * lock: loading one (the vocabulary index, say) never holds up a unit that needs another. Runners load what a
     * stage {@linkplain Stage#needs() needs} before its units start ({@link #prepare}).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Artifact<T> artifact) {
        requireNonNull(artifact, "artifact is null");
        Loaded<T> slot = (Loaded<T>) artifacts.computeIfAbsent(artifact, a -> new Loaded<>());
        return slot.get(artifact, this);
    }

    /**
     * Makes {@code value}'s result the artifact's value in this process unless it is loaded already (an artifact
     * another process loaded and {@linkplain Artifact#receive shipped}); returns whether it was used.
     */
    <T> boolean provide(Artifact<T> artifact, Supplier<T> value) {
        @SuppressWarnings("unchecked")
        Loaded<T> slot = (Loaded<T>) artifacts.computeIfAbsent(artifact, a -> new Loaded<>());
        return slot.provide(artifact, value);
    }

    /** Loads every artifact in {@code needs} (before a stage's units run, so that no unit waits on another's load). */
    public void prepare(java.util.Collection<Artifact<?>> needs) {
        for (Artifact<?> a : needs) {
            get(a);
        }
    }

    /** Forgets a loaded artifact (after the stage that produces it ran again in this process). */
    public void invalidate(Artifact<?> artifact) {
        artifacts.remove(artifact);
    }

    /** Whether an artifact is loaded in this process (tests and the stage graph). */
    public boolean isLoaded(Artifact<?> artifact) {
        Loaded<?> slot = artifacts.get(artifact);
        return slot != null && slot.value != null;
    }

    private static final class Loaded<T> {
        private volatile T value;

        T get(Artifact<T> artifact, BuildContext ctx) {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = artifact.load(ctx);
                        value = v;
                    }
                }
            }
            return v;
        }

        synchronized boolean provide(Artifact<T> artifact, Supplier<T> supplier) {
            if (value != null) {
                return false;
            }
            T v = supplier.get();
            if (v == null) {
                throw new IllegalStateException("artifact " + artifact.name() + " received as null");
            }
            value = v;
            return true;
        }
    }

    public RunOptions options() {
        return options;
    }

    public void setOptions(RunOptions options) {
        this.options = options == null ? RunOptions.DEFAULT : options;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Installs a fault injector (tests of restart behaviour). */
    public void setFaults(FaultInjector faults) {
        this.faults = faults == null ? FaultInjector.NONE : faults;
    }
}
