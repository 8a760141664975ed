package org.cdrbuilder.app.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.io.Fingerprint;

/**
 * What makes two runs the same build, whatever engine runs them: the inputs (paths, sizes, modification times) and
 * the configuration. The batch job uses the signatures as job parameters; an engine without a job repository
 * records {@link #of} in the work directory.
 */
public final class BuildIdentity {
    private BuildIdentity() {
    }

    /** Paths, sizes and modification times of every input file: cheap, and changes when the drop changes. */
    public static String inputs(BuildSettings s) {
        StringBuilder sb = new StringBuilder();
        for (Path root : List.of(s.drop(), s.vocabulary())) {
            sb.append(root).append('\n');
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    sb.append(root.relativize(f)).append('|').append(Files.size(f)).append('|')
                            .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list inputs in " + root, e);
            }
        }
        return Fingerprint.sha256(sb.toString());
    }

    /** The configuration files' contents and the cutoff date. */
    public static String config(BuildSettings s) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(s.configDir())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(s.configDir().relativize(f)).append('=').append(Fingerprint.sha256(f)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.append("cutoff=").append(s.cutoffDate()).append('\n');
        return Fingerprint.sha256(sb.toString());
    }

    /** The version, inputs, configuration and tiers in one value (what the job parameters identify). */
    public static String of(BuildSettings s) {
        return Fingerprint.sha256("version=" + s.version() + "\ninputs=" + inputs(s) + "\nconfig=" + config(s)
                + "\ntiers=" + String.join(",", s.tiers()) + "\n");
    }
}
