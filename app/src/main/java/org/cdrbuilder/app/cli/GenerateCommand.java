package org.cdrbuilder.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.generator.DropGenerator;
import org.cdrbuilder.generator.GeneratorSettings;
import org.cdrbuilder.generator.Planted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdr generate}: writes a synthetic drop and vocabulary at any scale, deterministic for a seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic synthetic drop (<out>/drop), a real vocabulary subset (<out>/vocabulary) and",
                "<out>/planted.json (the problems planted on purpose and what a correct build does with them)."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--participants", required = true, paramLabel = "N", description = "Participants in the registry.")
    int participants;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must be empty).")
    Path out;

    @Option(names = "--sites", defaultValue = "3", paramLabel = "K", description = "EHR sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--fitbit-share", defaultValue = "0.2", paramLabel = "F",
            description = "Share of participants with Fitbit data (default ${DEFAULT-VALUE}).")
    double fitbitShare;

    @Option(names = "--fitbit-days", defaultValue = "30", paramLabel = "D",
            description = "Days of Fitbit data per participant with a device (default ${DEFAULT-VALUE}).")
    int fitbitDays;

    @Option(names = "--dirt", defaultValue = "default", paramLabel = "default|none",
            description = "Planted problems: default rates, or none (default ${DEFAULT-VALUE}).")
    String dirt;

    @Option(names = "--real-shapes", description = "Write the shapes real feeds have (outcomes unchanged): sparse, "
            + "unordered site ids above 2^31, CDM 5.3 visit columns at the second site, the registry in the "
            + "participant system's codes (PIIState_XX, ConsentPermission_Yes, MEMBER) with ZIP codes that lost "
            + "their leading zeros.")
    boolean realShapes;

    @Override
    public Integer call() {
        GeneratorSettings.Dirt d = switch (dirt.toLowerCase(Locale.ROOT)) {
            case "default" -> GeneratorSettings.Dirt.DEFAULT;
            case "none" -> GeneratorSettings.Dirt.NONE;
            default -> throw new ConfigException("--dirt must be default or none: " + dirt);
        };
        GeneratorSettings s;
        try {
            s = GeneratorSettings.defaults(participants, seed).withSites(sites).withFitbit(fitbitShare, fitbitDays)
                    .withDirt(d).withRealShapes(realShapes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        long t0 = System.nanoTime();
        Planted planted;
        try {
            planted = new DropGenerator(s).generate(out);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        long rows = planted.generated.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("generated %d participants, %d source rows in %.1f s into %s%n", participants, rows,
                (System.nanoTime() - t0) / 1e9, out.toAbsolutePath());
        planted.generated.forEach((t, n) -> System.out.printf("  %-24s %,d%n", t, n));
        return ExitCodes.OK;
    }
}
