package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.api.java.JavaSparkContext;
import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.core.testing.TestFiles;
import org.cdrbuilder.spark.storage.HadoopStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine with every directory on HDFS: a real name node and data node in this JVM (Hadoop's
 * {@code MiniDFSCluster}), the sample drop and vocabulary copied there with Hadoop's own client, and the release
 * copied back the same way to be compared, file by file, with the default engine's local build.
 */
class HdfsBuildTest {
    @TempDir
    static Path tmp;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String root;
    static JavaSparkContext spark;
    static final String CLOSE_RETRY_DELAY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

    @BeforeAll
    static void start() throws Exception {
        // the name and data node run in this JVM and log every block at INFO
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc) {
            for (String name : List.of("org.apache.hadoop", "BlockStateChange", "org.eclipse.jetty", "SecurityLogger")) {
                lc.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        // a client's close waits until the data node has reported the last block, retrying from 400 ms on, which
        // makes a build of hundreds of small files take minutes on one data node; clients retry after 5 ms here
        conf.setInt(CLOSE_RETRY_DELAY, 5);
        System.setProperty("spark.hadoop." + CLOSE_RETRY_DELAY, "5"); // the build's clients (HadoopStorage)
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString(); // hdfs://localhost:<port>
        SampleBuilds.upload(hdfs, root);
        spark = new JavaSparkContext(SampleBuilds.loopback("local[2]", "HdfsBuildTest"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
        System.clearProperty("spark.hadoop." + CLOSE_RETRY_DELAY);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(SparkEngine.ISOLATE_EXECUTORS);
        System.clearProperty(HadoopStorage.OBJECT_STORES_PROPERTY);
        System.clearProperty("cdr.fault");
    }

    static CliRun build(String out, String... more) {
        return SampleBuilds.buildOn(root, out, root + out + "/work", more);
    }

    static Path fetch(String hdfsDir, Path local) throws Exception {
        return SampleBuilds.fetch(hdfs, root + hdfsDir, local);
    }

    @Test
    void everyDirectoryOnHdfs_executorsRebuildTheirContext_publishesTheLocalEnginesRelease() throws Exception {
        System.setProperty(SparkEngine.ISOLATE_EXECUTORS, "true"); // executors open HDFS from the spec's URIs
        CliRun run = build("/out");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains(root + "/in/drop");

        // everything was written on HDFS: the work directory's state, the release, latest.json, the log
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/out/work/v1/state/" + SparkWorkState.FILE))).isTrue();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/out/releases/latest.json"))).isTrue();
        FileStatus[] logs = hdfs.listStatus(new org.apache.hadoop.fs.Path(root + "/out/work/logs"));
        assertThat(logs).hasSize(1);
        assertThat(logs[0].getLen()).isPositive();
        // the lock files a build takes on HDFS are gone when it ends
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/out/work/.v1.lock"))).isFalse();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/out/private/.build.lock"))).isFalse();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/out/releases/.v1.partial"))).isFalse();

        Path local = fetch("/out/releases", tmp.resolve("fetched/releases"));
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), tmp.resolve("fetched"));
        assertThat(local.resolve("latest.json")).content().contains("\"registered\" : \"v1\"");

        // a second build of the same version is refused, as on a local disk
        CliRun again = build("/out");
        assertThat(again.code()).as(again.output()).isEqualTo(2);
        assertThat(again.output()).contains("release v1 was already built from these inputs");
    }

    @Test
    void asAnObjectStore_aTierIsPublishedWhenItsManifestIsCommitted_andAnInterruptedPublicationResumes() throws Exception {
        // HDFS taken for an object store (no atomic directory rename): publication copies each tier, manifest last
        System.setProperty(HadoopStorage.OBJECT_STORES_PROPERTY, "hdfs");
        System.setProperty("cdr.fault", "publish:commit.files-copied:0:fail");
        CliRun failed;
        try {
            failed = build("/object-store");
        } finally {
            System.clearProperty("cdr.fault");
        }
        assertThat(failed.code()).as(failed.output()).isEqualTo(4);
        assertThat(failed.output()).contains("injected fault in publish unit commit.files-copied");
        // the first tier's files are in place, but without its manifest it is not published: no latest.json, and
        // the releases listing does not show it
        String tierDir = root + "/object-store/releases/v1/controlled";
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(tierDir + "/omop/person"))).isTrue();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(tierDir + "/manifest.json"))).isFalse();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/object-store/releases/latest.json"))).isFalse();
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/object-store/releases/.v1.partial/controlled/manifest.json"))).isTrue();

        CliRun resumed = build("/object-store");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming v1");
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/object-store/releases/.v1.partial"))).isFalse();
        fetch("/object-store/releases", tmp.resolve("fetched-object-store/releases"));
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), tmp.resolve("fetched-object-store"));
        assertThat(tmp.resolve("fetched-object-store/releases/latest.json")).content()
                .contains("\"controlled\" : \"v1\"").contains("\"registered\" : \"v1\"");
    }

    @Test
    void aLockFileLeftOnHdfs_refusesTheBuildAndSaysHowToClearIt() throws Exception {
        hdfs.mkdirs(new org.apache.hadoop.fs.Path(root + "/locked/work"));
        hdfs.create(new org.apache.hadoop.fs.Path(root + "/locked/work/.v1.lock")).close();
        CliRun run = build("/locked");
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("another build of v1 is running")
                .contains(root + "/locked/work/.v1.lock").contains("delete the lock file if no build is running");
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/locked/releases/v1"))).isFalse();
    }

    @Test
    void theLocalEngine_refusesHdfsDirectories() {
        CliRun run = CliRun.of("build", "--config", TestFiles.repoRoot().resolve("config/release.yaml").toString(),
                "--work", root + "/local-engine/work", "--progress-interval", "0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("the local engine reads and writes local or mounted directories only")
                .contains(root + "/local-engine/work").contains("--engine spark");
    }
}
