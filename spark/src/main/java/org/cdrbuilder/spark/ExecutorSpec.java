package org.cdrbuilder.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.io.Storage;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.RunOptions;

/**
 * What an executor needs to rebuild a build's {@link BuildContext}: the release.yaml and every resolved setting the
 * command line gave (as strings: paths and settings are not serializable), the run options, the fault spec of the
 * restart tests, and the check value of the privacy key (never the key). Sent with every task; a few hundred bytes.
 *
 * @param buildId one value per {@code cdr build} invocation: executors keep one context per build, never one of an
 *                earlier run (a restart loads every artifact again, as on the local engine)
 * @param keyCheck {@code PrivacyKey.checkValue()} of the driver's key: an executor whose key differs (another
 *                 {@code CDR_PRIVACY_KEY} in its environment) refuses to run units
 */
record ExecutorSpec(String buildId, String configFile, String drop, String vocabulary, String releases, String work,
                    String privateDir, String version, String cutoffDate, List<String> tiers, int threads,
                    String jobRepositoryUrl, String keyFile, boolean replace, String acceptFailedQa, String faultSpec,
                    String keyCheck) implements Serializable {
    private static final long serialVersionUID = 1L;

    ExecutorSpec {
        tiers = List.copyOf(tiers);
    }

    static ExecutorSpec of(String buildId, Path configFile, BuildContext ctx, String faultSpec, String keyCheck) {
        BuildSettings s = ctx.settings();
        RunOptions o = ctx.options();
        return new ExecutorSpec(buildId, configFile.toAbsolutePath().normalize().toString(), Storage.externalForm(s.drop()),
                Storage.externalForm(s.vocabulary()), Storage.externalForm(s.releases()), Storage.externalForm(s.work()),
                Storage.externalForm(s.privateDir()),
                s.version().toString(), s.cutoffDate().toString(), s.tiers(), s.threads(), s.jobRepositoryUrl(),
                s.privacyKeyFile() == null ? null : s.privacyKeyFile().toString(), o.replace(),
                o.acceptFailedQaReason(), faultSpec, keyCheck);
    }

    /** The settings of the build, read again from the release.yaml with the driver's values as overrides. */
    BuildSettings settings() {
        BuildSettings s = BuildSettings.load(Path.of(configFile), new BuildSettings.Overrides(Storage.path(drop),
                Storage.path(vocabulary), Storage.path(releases), Storage.path(work), Storage.path(privateDir), version, cutoffDate, tiers,
                threads, jobRepositoryUrl, keyFile == null ? null : Path.of(keyFile)));
        if (!s.versionWork().equals(Storage.path(work).resolve(version))) {
            throw new ConfigException("executor settings do not match the driver's: " + s.versionWork());
        }
        return s;
    }

    RunOptions options() {
        return new RunOptions(replace, acceptFailedQa);
    }
}
