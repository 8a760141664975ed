package org.cdrbuilder.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.steps.qa.QaEngine;
import org.cdrbuilder.steps.qa.QaRun;
import org.cdrbuilder.steps.qa.ReleaseQa;
import org.cdrbuilder.steps.qa.TableSource;
import org.cdrbuilder.steps.qa.profile.ReleaseComparison;
import org.cdrbuilder.steps.qa.profile.ReleaseProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cdr diff}: compares two published releases. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two published releases: rows per table, participants per data type, and concepts that "
                + "appeared or vanished. Changes beyond the configured percentage are flagged (!).",
                "Uses each release's qa/release-profile.json, or reads its Parquet files when it has none."})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RELEASE_A", description = "The earlier release, e.g. releases/v1/registered.")
    Path before;

    @Parameters(index = "1", paramLabel = "RELEASE_B", description = "The later release, e.g. releases/v2/base.")
    Path after;

    @Mixin
    QaConfigOption qaConfig;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON.")
    Path json;

    private final PrintStream out;

    public DiffCommand() {
        this(System.out);
    }

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Path a = before.toAbsolutePath().normalize();
        Path b = after.toAbsolutePath().normalize();
        ReleaseQa.manifest(a);
        ReleaseQa.manifest(b);
        QaEngine engine = QaEngine.fromConfig(qaConfig.directory(), Runtime.getRuntime().availableProcessors());
        ReleaseProfile pa = QaRun.profileOf(a, engine);
        ReleaseProfile pb = QaRun.profileOf(b, engine);
        ReleaseComparison c = QaRun.compare(pa, pb, TableSource.release(a), TableSource.release(b), engine);
        print(c);
        if (json != null) {
            WorkLayout.writeJson(json.toAbsolutePath(), c);
        }
        return ExitCodes.OK;
    }

    private void print(ReleaseComparison c) {
        out.println("== " + c.previous + " -> " + c.current + " (changes beyond " + c.flagPercent + "% flagged with !)");
        section("participants per data type", c.participants);
        section("rows per table", c.rows.stream().filter(x -> x.previous != 0 || x.current != 0).toList());
        out.println("concepts that appeared or vanished:");
        if (c.concepts.isEmpty()) {
            out.println("  none");
        }
        for (ReleaseComparison.ConceptChange cc : c.concepts) {
            out.printf("  %-42s %6d -> %6d  +%d -%d%n", cc.field, cc.previousConcepts, cc.currentConcepts,
                    cc.appearedCount, cc.vanishedCount);
            cc.appeared.forEach((id, name) -> out.println("      + " + id + (name == null ? "" : " " + name)));
            cc.vanished.forEach((id, name) -> out.println("      - " + id + (name == null ? "" : " " + name)));
        }
    }

    private void section(String title, List<ReleaseComparison.Change> changes) {
        out.println(title + ":");
        for (ReleaseComparison.Change ch : changes) {
            out.printf("  %s %-28s %12d -> %12d  %+d%s%n", ch.flagged ? "!" : " ", ch.name, ch.previous, ch.current,
                    ch.difference, ch.percent == null ? " (new)" : String.format(" (%+.2f%%)", ch.percent));
        }
    }
}
