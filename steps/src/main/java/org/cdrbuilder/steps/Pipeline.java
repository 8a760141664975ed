package org.cdrbuilder.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdrbuilder.core.config.BuildSettings;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.steps.audit.AuditStage;
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.common.Tiers;
import org.cdrbuilder.steps.derive.DeriveStage;
import org.cdrbuilder.steps.harmonize.HarmonizeStage;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.privacy.PrivacyStage;
import org.cdrbuilder.steps.publish.PublishStage;
import org.cdrbuilder.steps.references.ReferencesStage;
import org.cdrbuilder.steps.snapshot.SnapshotStage;
import org.cdrbuilder.steps.qa.QaStage;

/**
 * The stages of a release build, in order. The batch job and the local runner both take them from here. Stages up
 * to derive build one shared candidate; then each tier gets its own privacy stage and a references stage (which
 * nulls references to the visits the tier no longer publishes), and the audit checks every tier before anything is
 * published.
 */
public final class Pipeline {
    /**
     * System property for benchmarks only ({@code scripts/benchmark-rules}): leaves the cleaning stage out, to
     * measure what the cleaning rules cost. Never for a release.
     */
    public static final String WITHOUT_CLEANING = "cdr.benchmark.withoutCleaning";

    private Pipeline() {
    }

    /** Stages that read sources: their reports count source rows and quarantine. */
    public static List<String> sourceStages() {
        return List.of(VocabularyStage.NAME, IngestStage.NAME);
    }

    /** Stages that read and write the rows shared by every tier, in order. */
    public static List<String> sharedDataStages() {
        return List.of(VocabularyStage.NAME, IngestStage.NAME, HarmonizeStage.NAME, CleanStage.NAME, DeriveStage.NAME);
    }

    /**
     * The data stages a tier's ledger walks, in order, keyed by the name the ledger shows ({@code privacy} and
     * {@code references} for the tier's stages) with the stage's work name as value.
     */
    public static Map<String, String> ledgerStages(String tier) {
        Map<String, String> m = new LinkedHashMap<>();
        sharedDataStages().forEach(s -> m.put(s, s));
        m.put("privacy", PrivacyStage.nameOf(tier));
        m.put("references", ReferencesStage.nameOf(tier));
        return m;
    }

    public static List<Stage> stages(BuildSettings settings) {
        List<Stage> stages = new ArrayList<>(List.of(new VocabularyStage(), new IngestStage(), new HarmonizeStage()));
        if (!Boolean.getBoolean(WITHOUT_CLEANING)) {
            stages.add(new CleanStage());
        }
        stages.add(new DeriveStage());
        List<String> tiers = Tiers.of(settings);
        for (String tier : tiers) {
            stages.add(new PrivacyStage(tier, tiers));
            stages.add(new ReferencesStage(tier));
        }
        stages.add(new QaStage(tiers, List.of(AuditStage.onQaScan(), SnapshotStage.onQaScan())));
        stages.add(new SnapshotStage(tiers));
        stages.add(new AuditStage(tiers));
        stages.add(new PublishStage(tiers));
        check(stages);
        return stages;
    }

    /**
     * Checks the wiring of a stage list: every artifact a stage needs is an input or the product of that stage or
     * an earlier one, and no artifact has two producers. Run when the job is assembled, before anything runs.
     *
     * @throws IllegalStateException naming the stage and the artifact
     */
    public static void check(List<Stage> stages) {
        Map<Artifact<?>, String> producedBy = new java.util.HashMap<>();
        for (Stage s : stages) {
            for (Artifact<?> a : s.produces()) {
                if (a.isInput()) {
                    throw new IllegalStateException("stage " + s.name() + " declares the input " + a.name() + " as a product");
                }
                String other = producedBy.putIfAbsent(a, s.name());
                if (other != null) {
                    throw new IllegalStateException("artifact " + a.name() + " is produced by both " + other + " and " + s.name());
                }
            }
            for (Artifact<?> a : s.needs()) {
                if (!a.isInput() && !producedBy.containsKey(a)) {
                    throw new IllegalStateException("stage " + s.name() + " needs " + a.name()
                            + ", which no earlier stage produces");
                }
            }
        }
    }

    /** The stage graph: each stage with what it needs (and which stage produces it) and what it produces. */
    public static String describe(List<Stage> stages) {
        Map<Artifact<?>, String> producedBy = new java.util.HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            s.produces().forEach(a -> producedBy.putIfAbsent(a, s.name()));
        }
        for (Stage s : stages) {
            sb.append(s.name()).append('\n');
            for (Artifact<?> a : s.needs()) {
                String from = a.isInput() ? "input" : producedBy.get(a);
                if (s.name().equals(from)) {
                    continue; // shown under "produces"
                }
                sb.append("  needs    ").append(a).append("  <- ").append(from).append('\n');
            }
            for (Artifact<?> a : s.produces()) {
                sb.append("  produces ").append(a).append('\n');
            }
        }
        return sb.toString();
    }
}
