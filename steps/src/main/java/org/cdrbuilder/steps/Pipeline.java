package org.cdrbuilder.steps;

import java.util.List;

import org.cdrbuilder.core.stage.Stage;
import org.cdrbuilder.steps.clean.CleanStage;
import org.cdrbuilder.steps.derive.DeriveStage;
import org.cdrbuilder.steps.harmonize.HarmonizeStage;
import org.cdrbuilder.steps.ingest.IngestStage;
import org.cdrbuilder.steps.ingest.VocabularyStage;
import org.cdrbuilder.steps.publish.PublishStage;
import org.cdrbuilder.steps.qa.QaStage;

/** The stages of a release build, in order. The batch job and the local runner both take them from here. */
public final class Pipeline {
    private Pipeline() {
    }

    /** Stages that read sources: their reports count source rows and quarantine. */
    public static List<String> sourceStages() {
        return List.of(VocabularyStage.NAME, IngestStage.NAME);
    }

    /** Stages that read and write table rows; the ledger walks their reports in this order. */
    public static List<String> dataStages() {
        return List.of(VocabularyStage.NAME, IngestStage.NAME, HarmonizeStage.NAME, CleanStage.NAME, DeriveStage.NAME);
    }

    public static List<Stage> stages() {
        return List.of(new VocabularyStage(), new IngestStage(), new HarmonizeStage(), new CleanStage(),
                new DeriveStage(), new QaStage(dataStages()), new PublishStage(dataStages()));
    }
}
