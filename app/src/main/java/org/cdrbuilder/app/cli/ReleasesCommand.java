package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.config.ReleaseConfig;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.publish.ReleaseInventory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdr releases}: what a releases directory holds. */
@Command(name = "releases", mixinStandardHelpOptions = true, description = "Published releases.",
        subcommands = ReleasesCommand.ListReleases.class)
public final class ReleasesCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code cdr releases list}: versions and tiers with their build dates, persons, rows and latest pointers. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the published versions and tiers (build date, cutoff, persons, rows, from the manifests) "
                    + "and the version latest.json names per tier.",
                    "Leftovers of an interrupted publication (.vN.partial, .vN.replaced) are ignored with a note."})
    public static final class ListReleases implements Callable<Integer> {
        @Option(names = "--releases", paramLabel = "DIR",
                description = "The releases directory (default: releases of the release configuration).")
        Path releases;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Release settings whose releases directory to list when --releases is not given.")
        Path config;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
                description = "Output format (default ${DEFAULT-VALUE}).")
        String format;

        private final PrintStream out;

        public ListReleases() {
            this(System.out);
        }

        ListReleases(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("table") && !f.equals("json")) {
                throw new ConfigException("--format must be table or json: " + format);
            }
            ReleaseInventory.Inventory inventory = ReleaseInventory.read(directory());
            if (f.equals("json")) {
                out.println(WorkLayout.JSON.writeValueAsString(inventory));
            } else {
                table(inventory);
            }
            return ExitCodes.OK;
        }

        private Path directory() {
            if (releases != null) {
                return releases.toAbsolutePath().normalize();
            }
            CommonOptions common = new CommonOptions();
            common.config = config;
            Path file = common.configFile().toAbsolutePath().normalize();
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new ConfigException("config file not found: " + file + " (give --releases DIR)");
            }
            ReleaseConfig c = ReleaseConfig.read(file);
            if (c.releases == null || c.releases.isBlank()) {
                throw new ConfigException(file + " sets no releases directory (give --releases DIR)");
            }
            return file.getParent().resolve(c.releases).toAbsolutePath().normalize();
        }

        private void table(ReleaseInventory.Inventory inv) {
            out.println("releases in " + inv.releases());
            if (inv.tiers().isEmpty()) {
                out.println("  no published release");
            } else {
                out.printf("  %-8s %-12s %-20s %-10s %10s %14s %7s  %s%n", "version", "tier", "built (UTC)", "cutoff",
                        "persons", "rows", "tables", "latest");
                for (ReleaseInventory.Tier t : inv.tiers()) {
                    out.printf("  %-8s %-12s %-20s %-10s %10s %,14d %7d  %s%n", t.version(), t.tier(),
                            builtAt(t.buildTime()), t.cutoffDate() == null ? "" : t.cutoffDate(),
                            t.persons() == null ? "-" : String.format("%,d", t.persons()), t.rows(), t.tables(),
                            t.latest() ? "latest" : "");
                }
            }
            inv.latest().forEach((tier, v) -> out.printf("  latest.json: %s -> %s%n", tier, v));
            for (ReleaseInventory.Ignored i : inv.ignored()) {
                out.printf("  note: ignored %s: %s%n", i.path(), i.reason());
            }
        }

        /** The build time to the second, as {@code 2026-10-02 04:13:55}. */
        static String builtAt(String instant) {
            if (instant == null) {
                return "";
            }
            String s = instant.replace('T', ' ');
            return s.length() >= 19 ? s.substring(0, 19) : s;
        }
    }
}
