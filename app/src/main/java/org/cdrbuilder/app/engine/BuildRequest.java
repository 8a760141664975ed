package org.cdrbuilder.app.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import org.cdrbuilder.core.stage.BuildContext;

/**
 * A build to run: its context (settings, options, fault injector) and what an engine needs to run it elsewhere.
 *
 * @param configFile the release.yaml the settings were read from (engines whose workers rebuild the settings)
 * @param faultSpec the {@code cdr.fault} of the restart tests, or null
 * @param master where the engine runs ({@code --spark-master}), or null for the engine's default
 */
public record BuildRequest(BuildContext ctx, Path configFile, String faultSpec, String master) {
    public BuildRequest {
        requireNonNull(ctx, "ctx is null");
        requireNonNull(configFile, "configFile is null");
    }
}
