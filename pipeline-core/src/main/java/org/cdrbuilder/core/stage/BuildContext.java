package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.schema.CdrSchema;

/**
 * What every stage of one build shares: settings, the work layout, the schema, progress counters, and a cache of
 * indexes built from earlier stages' outputs (vocabulary, registry...) so that each is built once per JVM. After a
 * restart the cache is empty and indexes are rebuilt from the work directory, never from memory of a previous run.
 */
public final class BuildContext {
    private final BuildSettings settings;
    private final WorkLayout layout;
    private final Progress progress = new Progress();
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
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

    /** Returns the cached value for {@code key}, computing it once. */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, Supplier<T> compute) {
        Object v = cache.get(key);
        if (v == null) {
            synchronized (cache) {
                v = cache.get(key);
                if (v == null) {
                    v = compute.get();
                    cache.put(key, v);
                }
            }
        }
        return (T) v;
    }

    /** Drops a cached value (after the stage that feeds it re-ran). */
    public void invalidate(String key) {
        cache.remove(key);
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
