package org.cdrbuilder.steps.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.qa.QaOverview;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.ingest.InputValidation;
import org.cdrbuilder.steps.qa.accounting.AccountingFacts;
import org.cdrbuilder.steps.qa.accounting.AccountingResults;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-runs the checks on a published release, reading its Parquet files, vocabulary and manifest, and compares it
 * with the previous release of its tier in the same releases directory. The release is only read.
 */
public final class ReleaseQa {
    private ReleaseQa() {
    }

    /** The release's manifest, or throws naming the directory. */
    public static JsonNode manifest(Path releaseDir) {
        Path m = releaseDir.resolve("manifest.json");
        if (!Files.isRegularFile(m)) {
            throw new org.cdrbuilder.core.config.ConfigException("not a published release (no manifest.json): " + releaseDir);
        }
        try {
            return WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + m, e);
        }
    }

    /** Checks every table of the release; the gate says whether a fatal check failed. */
    public static QaRun.Result check(Path releaseDir, QaEngine engine) {
        Path dir = releaseDir.toAbsolutePath().normalize();
        JsonNode manifest = manifest(dir);
        CdrSchema schema = CdrSchema.get();
        TableSource source = TableSource.release(dir);
        String version = manifest.path("version").asText();
        String tier = manifest.path("tier").asText();
        QaRun.Result result = QaRun.run(engine, source, () -> ReleaseVocabulary.load(source, schema),
                LocalDate.parse(manifest.path("cutoff_date").asText()), ReleaseVersion.parse(version), tier,
                dir.getParent().getParent());
        QaMetadata.fill(result.report(), version, tier, manifest.path("cutoff_date").asText(),
                manifest.path("vocabulary_version").asText(), Map.of("release", dir.toString()));
        InputValidation validation = inputValidation(dir);
        Ledger ledger = ledger(dir);
        if (validation != null && ledger != null) {
            // the build's accounting, as published with the release, judged with this run's thresholds
            result.report().checkResults.addAll(AccountingResults.evaluate(new AccountingFacts(validation, ledger,
                    removals(dir), result.comparison()), engine.thresholds(), engine.settings()));
            result.report().overview = QaOverview.of(result.report().checkResults);
        }
        QaGate.decide(result.report(), null);
        return result;
    }

    /** The rows each rule removed per source and table, as published with the release (empty when absent). */
    static List<AccountingFacts.SourceRemovals> removals(Path releaseDir) {
        Path f = releaseDir.resolve("qa").resolve(AccountingFacts.REMOVALS_FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            return WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(f),
                    new com.fasterxml.jackson.core.type.TypeReference<List<AccountingFacts.SourceRemovals>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** The input validation the release was published with, or null. */
    public static InputValidation inputValidation(Path releaseDir) {
        Path f = releaseDir.resolve("qa").resolve("input-validation.json");
        return Files.isRegularFile(f) ? WorkLayout.readJson(f, InputValidation.class) : null;
    }

    /** The ledger the release was published with, or null. */
    public static Ledger ledger(Path releaseDir) {
        Path f = releaseDir.resolve("qa").resolve("ledger.json");
        return Files.isRegularFile(f) ? WorkLayout.readJson(f, Ledger.class) : null;
    }
}
