package org.cdrbuilder.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.cdrbuilder.core.stage.Progress;

/**
 * Counts a stage's units done on the driver from Spark's task events, for the progress line, when the executors
 * count into contexts of their own (a cluster, or isolated executors in local mode). Only the tasks of the job
 * group the engine runs the current stage in are counted, so a late event of an earlier stage is not.
 */
final class TaskProgress extends SparkListener {
    private final Progress progress;
    private final Set<Integer> stageIds = ConcurrentHashMap.newKeySet();
    private volatile String group;

    TaskProgress(Progress progress) {
        this.progress = progress;
    }

    /** The job group whose tasks count from now on (one per cdr stage). */
    void expect(String jobGroup) {
        stageIds.clear();
        group = jobGroup;
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        String g = group;
        if (g != null && job.properties() != null && g.equals(job.properties().getProperty("spark.jobGroup.id"))) {
            scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds()).forEach(id -> stageIds.add((Integer) id));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.reason() == Success$.MODULE$ && stageIds.contains(task.stageId())) {
            progress.unitDone();
        }
    }
}
