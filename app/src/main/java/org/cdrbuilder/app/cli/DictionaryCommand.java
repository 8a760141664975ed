package org.cdrbuilder.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseConfig;
import org.cdrbuilder.steps.dictionary.DataDictionary;
import org.cdrbuilder.steps.dictionary.DictionaryFiles;
import org.cdrbuilder.steps.dictionary.DictionaryHtml;
import org.cdrbuilder.steps.dictionary.DictionaryMarkdown;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdr dictionary}: the data dictionary of a configuration, as Markdown (every tier) or one tier's HTML page. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = {"Write the data dictionary: every published table and column (types, nullability, keys, "
                + "descriptions from the schema changelog) with the cleaning rules and each tier's privacy transforms "
                + "that act on it.",
                "md: every tier of the configuration (docs/DATA-DICTIONARY.md is this output; "
                        + "scripts/update-data-dictionary rewrites it). html: the page each published tier carries as "
                        + DictionaryFiles.HTML + "."})
public final class DictionaryCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Release settings: their tiers and tier profiles (default: config/release.yaml of this installation).")
    Path config;

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|html", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--tier", paramLabel = "TIER", description = "(html) the tier (default: the configuration's first).")
    String tier;

    @Option(names = "--release-version", paramLabel = "vN", description = "(html) the release named in the page's title "
            + "(default: release_version of the configuration).")
    String version;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the standard output.")
    Path outFile;

    private final PrintStream out;

    public DictionaryCommand() {
        this(System.out);
    }

    DictionaryCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        CommonOptions common = new CommonOptions();
        common.config = config;
        Path file = common.configFile().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        ReleaseConfig c = ReleaseConfig.read(file);
        Path profiles = file.getParent().resolve(c.tierProfiles);
        if (c.tiers == null || c.tiers.isEmpty()) {
            throw new ConfigException(file + " names no tiers");
        }
        String text = switch (format.toLowerCase(Locale.ROOT)) {
            case "md" -> markdown(profiles, c.tiers);
            case "html" -> {
                String t = tier != null ? tier : c.tiers.get(0);
                yield DictionaryHtml.render(DictionaryFiles.dictionary(profiles, List.of(t)),
                        version != null ? version : String.valueOf(c.releaseVersion), t);
            }
            default -> throw new ConfigException("--format must be md or html: " + format);
        };
        if (outFile != null) {
            Path target = outFile.toAbsolutePath();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } else {
            out.print(text);
        }
        return ExitCodes.OK;
    }

    /** The Markdown dictionary of {@code tiers} (docs/DATA-DICTIONARY.md is this text for the repository's config). */
    public static String markdown(Path tierProfilesDir, List<String> tiers) {
        DataDictionary d = DictionaryFiles.dictionary(tierProfilesDir, tiers);
        return DictionaryMarkdown.render(d);
    }
}
