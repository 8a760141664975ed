package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.publish.ReleaseVerifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cdr verify}: checks a published release against its manifest and the schema changelog. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a published release (releases/vN/<tier>, or releases/vN for every tier) against its "
                + "manifest.json and the schema changelog:",
                "every file's size and SHA-256, every Parquet file's row count (footer) and Parquet schema, each table's "
                        + "rows, the manifest's tables and schemas, the QA, snapshot and documentation files it lists, "
                        + "and no file on disk that the manifest does not list.",
                "Exit code 7 naming the first difference (file, expected, found)."})
public final class VerifyCommand implements Callable<Integer> {
    /** Differences printed per tier; the rest are counted. */
    static final int SHOWN = 20;

    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "releases/vN/<tier>, or releases/vN for all its tiers.")
    Path release;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    private final PrintStream out;

    public VerifyCommand() {
        this(System.out);
    }

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ConfigException("--format must be text or json: " + format);
        }
        Path dir = release.toAbsolutePath().normalize();
        ReleaseVerifier verifier = new ReleaseVerifier(CdrSchema.get());
        List<ReleaseVerifier.Result> results = new ArrayList<>();
        for (Path tier : ReleaseVerifier.tierDirs(dir)) {
            results.add(verifier.verify(tier));
        }
        ReleaseVerifier.Difference first = results.stream().flatMap(r -> r.differences.stream()).findFirst().orElse(null);
        if (f.equals("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("release", dir.toString());
            m.put("ok", first == null);
            m.put("tiers", results);
            out.println(WorkLayout.JSON.writeValueAsString(m));
        } else {
            results.forEach(this::print);
        }
        if (first != null) {
            System.err.println("cdr: " + dir + " differs from its manifest: " + first);
            return ExitCodes.RELEASE_DIFFERS;
        }
        return ExitCodes.OK;
    }

    private void print(ReleaseVerifier.Result r) {
        out.printf("%s (%s, tier %s): %s%n", r.dir, r.version, r.tier,
                r.ok() ? "OK" : r.differences.size() + " difference(s)");
        out.printf("  %d tables, %d Parquet files, %,d rows, %,d bytes: sizes, SHA-256, footer row counts and Parquet "
                + "schemas checked against the manifest and the schema changelog%n", r.tables, r.parquetFiles, r.rows, r.bytes);
        r.otherFiles.forEach((list, n) -> out.printf("  %s: %d file(s), sizes and SHA-256 checked%n", list, n));
        out.println("  every file on disk checked to be listed in the manifest");
        for (int i = 0; i < Math.min(SHOWN, r.differences.size()); i++) {
            out.println("  DIFFERS " + r.differences.get(i));
        }
        if (r.differences.size() > SHOWN) {
            out.printf("  ... and %d more difference(s)%n", r.differences.size() - SHOWN);
        }
    }
}
