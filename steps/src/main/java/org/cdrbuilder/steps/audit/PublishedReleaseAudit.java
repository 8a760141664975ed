package org.cdrbuilder.steps.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.core.parquet.RowParquetReader;
import org.cdrbuilder.core.privacy.ParticipantKeys;
import org.cdrbuilder.core.privacy.PrivacyKey;
import org.cdrbuilder.core.privacy.TierProfile;
import org.cdrbuilder.core.stage.ReleaseCandidate;
import org.cdrbuilder.core.stage.WorkLayout;
import org.cdrbuilder.schema.CdrSchema;
import org.cdrbuilder.schema.TableDef;
import org.cdrbuilder.steps.privacy.PrivacyStage;
import org.cdrbuilder.steps.privacy.SuppressionList;

import com.carrotsearch.hppc.IntHashSet;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The privacy audit of a published release directory ({@code cdr audit}): the tier and the part files come from
 * the release's manifest, the profile from the configuration; the registry file, the key with the mapping store,
 * and the build's work files are each optional and each enable more checks.
 */
public final class PublishedReleaseAudit {
    private PublishedReleaseAudit() {
    }

    /** What the audit may use besides the release; null members are not available. */
    public record Inputs(Path tierProfiles, Path registryFile, Path privateDir, PrivacyKey key, Path work,
                         java.time.LocalDate cutoffOverride) {
    }

    public static AuditReport run(Path releaseDir, Inputs in) {
        Path release = releaseDir.toAbsolutePath().normalize();
        Path manifestFile = release.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new ConfigException(release + " is not a release: no manifest.json");
        }
        JsonNode manifest;
        try {
            manifest = WorkLayout.JSON.readTree(java.nio.file.Files.newInputStream(manifestFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifestFile, e);
        }
        String tier = manifest.path("tier").asText();
        String version = manifest.path("version").asText();
        java.time.LocalDate cutoff = in.cutoffOverride() != null ? in.cutoffOverride()
                : java.time.LocalDate.parse(manifest.path("cutoff_date").asText());
        TierProfile profile = PrivacyStage.readProfile(in.tierProfiles(), tier);

        Map<String, List<Path>> parts = new TreeMap<>();
        manifest.path("tables").fields().forEachRemaining(e -> {
            List<Path> files = new ArrayList<>();
            e.getValue().path("files").forEach(f -> files.add(release.resolve(f.path("path").asText())));
            parts.put(e.getKey(), files);
        });

        RegistryFacts registry = RegistryFacts.exists(in.registryFile()) ? RegistryFacts.read(in.registryFile()) : null;
        ParticipantKeys keys = null;
        if (in.key() != null && in.privateDir() != null
                && Files.isRegularFile(PrivacyStage.mappingDir(in.privateDir()).resolve("mapping.parquet"))) {
            keys = ParticipantKeys.open(PrivacyStage.mappingDir(in.privateDir()), in.key(), profile.maxShiftDays);
        }
        java.util.function.Function<String, List<Path>> sources = null;
        if (in.work() != null) {
            WorkLayout layout = new WorkLayout(in.work().resolve(version));
            ReleaseCandidate shared = new ReleaseCandidate(layout, null);
            if (!shared.holders().isEmpty()) {
                sources = shared::parts;
            }
        }
        IntHashSet suppressed = profile.suppressedConcepts == null || profile.suppressedConcepts.isBlank()
                ? new IntHashSet()
                : SuppressionList.conceptIds(profile.resolve(profile.suppressedConcepts), (columns, action) ->
                        RowParquetReader.forEach(parts.getOrDefault("concept", List.of()),
                                CdrSchema.get().table("concept"), columns, action));
        AuditContext ctx = new AuditContext(tier, profile, cutoff, t -> parts.getOrDefault(t, List.of()), release,
                sources, registry, keys, suppressed);

        List<AuditCheck> checks = ReleaseAudit.checks();
        Map<String, Map<String, Findings>> byTable = new LinkedHashMap<>();
        long rows = 0;
        for (String table : parts.keySet()) {
            TableDef t = CdrSchema.get().findTable(table).orElse(null);
            if (t == null) {
                continue;
            }
            ReleaseAudit.TableResult r = ReleaseAudit.auditTable(t, ctx, checks);
            byTable.put(table, r.findings());
            rows += r.rows();
        }
        byTable.put("(files)", ReleaseAudit.auditFiles(release, release, ctx, checks).findings());
        return AuditReport.of(tier, checks, ctx, byTable, rows);
    }
}
