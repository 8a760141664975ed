package org.cdrbuilder.steps.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.cdrbuilder.core.config.ReleaseVersion;
import org.cdrbuilder.core.ledger.Ledger;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.steps.ingest.InputValidation;

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
            return WorkLayout.JSON.readTree(m.toFile());
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
        QaGate.decide(result.report(), null);
        return result;
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
