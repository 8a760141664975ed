package org.cdrbuilder.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cdrbuilder.app.cli.FaultSpec;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.steps.Pipeline;
import org.cdrbuilder.steps.privacy.PrivacyStage;

/**
 * The build contexts of an executor JVM, one per build ({@link ExecutorSpec#buildId}), made on the first task of the
 * build and kept for its later tasks, so that artifacts (vocabulary index, registry, mapping store...) are loaded at
 * most once per executor, lazily, by the first unit that needs them. In local mode the driver {@linkplain #share
 * shares} its own context: the executor threads are in its JVM, and loading everything a second time would only
 * cost memory (tests can turn sharing off to run the path a cluster executor takes).
 */
final class ExecutorContexts {
    private static final Map<String, Built> BUILDS = new ConcurrentHashMap<>();

    private ExecutorContexts() {
    }

    private record Built(BuildContext ctx, List<Stage> stages) {
        Stage stage(String name) {
            for (Stage s : stages) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw new IllegalStateException("no stage " + name + " in the executor's stage list");
        }
    }

    /** Makes the driver's context and stage list the executors' (local mode: the executors are threads of this JVM). */
    static void share(String buildId, BuildContext ctx, List<Stage> stages) {
        BUILDS.put(buildId, new Built(ctx, stages));
    }

    /** Drops what a build kept (the driver, when the build ends; executors end with their application). */
    static void forget(String buildId) {
        BUILDS.remove(buildId);
    }

    static BuildContext context(ExecutorSpec spec) {
        return built(spec).ctx();
    }

    static Stage stage(ExecutorSpec spec, String name) {
        return built(spec).stage(name);
    }

    /** Whether this JVM has a context for the build (tests: whether executors rebuilt theirs). */
    static boolean has(String buildId) {
        return BUILDS.containsKey(buildId);
    }

    private static Built built(ExecutorSpec spec) {
        return BUILDS.computeIfAbsent(spec.buildId(), id -> rebuild(spec));
    }

    private static Built rebuild(ExecutorSpec spec) {
        BuildContext ctx = new BuildContext(spec.settings());
        ctx.setOptions(spec.options());
        ctx.setFaults(FaultSpec.parse(spec.faultSpec()));
        String check = PrivacyStage.key(ctx).checkValue();
        if (!check.equals(spec.keyCheck())) {
            throw new ConfigException("this executor's privacy key differs from the driver's: give every executor the "
                    + "same key (a --key-file all of them read, or spark.executorEnv.CDR_PRIVACY_KEY)");
        }
        return new Built(ctx, Pipeline.stages(ctx.settings()));
    }
}
