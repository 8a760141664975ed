package org.cdrbuilder.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseConfig;

import picocli.CommandLine.Option;

/** Where the QA configuration is, for commands that read releases rather than drops ({@code qa}, {@code diff}). */
public final class QaConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Release settings whose qa: folder holds the checks' configuration (default: config/release.yaml of this installation).")
    Path config;

    @Option(names = "--qa-config", paramLabel = "DIR", description = "The QA configuration folder itself (overrides --config).")
    Path qaConfig;

    /** The QA configuration directory. */
    Path directory() {
        if (qaConfig != null) {
            return existing(qaConfig.toAbsolutePath().normalize());
        }
        CommonOptions common = new CommonOptions();
        common.config = config;
        Path file = common.configFile().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        return existing(file.getParent().resolve(ReleaseConfig.read(file).qa).normalize());
    }

    private static Path existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("QA configuration folder not found: " + dir);
        }
        return dir;
    }
}
