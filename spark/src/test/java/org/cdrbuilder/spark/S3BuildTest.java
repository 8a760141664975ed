package org.cdrbuilder.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.cdrbuilder.app.CliRun;
import org.cdrbuilder.core.io.Storage;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine with its directories on {@code s3a://}: Hadoop's S3A client and the AWS SDK, as shipped in
 * {@code spark/target/lib/}, against a real S3 protocol server in this JVM (S3Proxy on a free loopback port, over
 * jclouds' in-memory blob store, signature V4 checked). The sample drop and vocabulary are uploaded with Hadoop's
 * client, and the release downloaded the same way is compared, file by file, with the default engine's local build.
 * The S3A settings are {@code spark.hadoop.*} system properties, as a user would give them.
 */
class S3BuildTest {
    static final String BUCKET = "cdr";
    static final String ROOT = "s3a://" + BUCKET;
    static final String ACCESS_KEY = "cdr-test-access";
    static final String SECRET_KEY = "cdr-test-secret";

    @TempDir
    static Path tmp;
    static BlobStoreContext blobs;
    static S3Proxy proxy;
    static FileSystem s3;
    static JavaSparkContext spark;
    /** The S3A settings, set as {@code spark.hadoop.*} system properties for the build's clients (HadoopStorage). */
    static final Map<String, String> S3A = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        // the server, jclouds, S3A and the SDK log every request at INFO or DEBUG
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc) {
            for (String name : List.of("org.gaul", "org.jclouds", "jclouds", "org.apache.hadoop", "software.amazon")) {
                lc.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
        blobs = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY).build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                // the SDK (2.30 on) sends x-amz-checksum-crc32 with DeleteObjects, which S3Proxy does not know
                .ignoreUnknownHeaders(true)
                .endpoint(URI.create("http://127.0.0.1:0")).build(); // a free loopback port
        proxy.start();
        for (int i = 0; i < 500 && !proxy.getState().equals("STARTED"); i++) {
            Thread.sleep(10);
        }
        assertThat(proxy.getState()).isEqualTo("STARTED");

        S3A.put("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
        S3A.put("fs.s3a.endpoint.region", "us-east-1");
        S3A.put("fs.s3a.path.style.access", "true");
        S3A.put("fs.s3a.connection.ssl.enabled", "false");
        S3A.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        S3A.put("fs.s3a.access.key", ACCESS_KEY);
        S3A.put("fs.s3a.secret.key", SECRET_KEY);
        Configuration conf = new Configuration();
        S3A.forEach((k, v) -> {
            conf.set(k, v);
            System.setProperty("spark.hadoop." + k, v);
        });
        // a client of its own: the build's (HadoopStorage) comes from Hadoop's cache and is not closed by this test
        s3 = FileSystem.newInstance(URI.create(ROOT + "/"), conf);
        SampleBuilds.upload(s3, ROOT);
        spark = new JavaSparkContext(SampleBuilds.loopback("local[2]", "S3BuildTest"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
        S3A.keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(SparkEngine.ISOLATE_EXECUTORS);
        System.clearProperty("cdr.fault");
    }

    /** A build of the bucket's drop into {@code out}'s releases and private directories and the work directory. */
    static CliRun build(String out, String work) {
        return SampleBuilds.buildOn(ROOT, out, work);
    }

    static boolean exists(String path) throws Exception {
        return s3.exists(new org.apache.hadoop.fs.Path(ROOT + path));
    }

    /** Every object below a path, as keys relative to the bucket. */
    static List<String> keys(String path) throws Exception {
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = s3.listFiles(new org.apache.hadoop.fs.Path(ROOT + path), true);
        while (it.hasNext()) {
            out.add(it.next().getPath().toUri().getPath());
        }
        return out;
    }

    /** Copies a directory of the bucket to a local one with Hadoop's client. */
    static Path fetch(String dir, Path local) throws Exception {
        return SampleBuilds.fetch(s3, ROOT + dir, local);
    }

    @Test
    void everyDirectoryOnS3_executorsRebuildTheirContext_publishesTheLocalEnginesRelease() throws Exception {
        System.setProperty(SparkEngine.ISOLATE_EXECUTORS, "true"); // executors open s3a:// from the spec's URIs
        long t0 = System.nanoTime();
        CliRun run = build("/out", ROOT + "/out/work");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(run.code()).as(run.output()).isZero();
        System.out.println("S3BuildTest: build on s3a:// in " + millis + " ms");
        assertThat(run.output()).contains(ROOT + "/in/drop");

        // everything was written to the bucket: the work directory's state, both tiers, latest.json, the log
        assertThat(exists("/out/work/v1/state/" + SparkWorkState.FILE)).isTrue();
        for (String tier : SampleBuilds.TIERS) {
            assertThat(exists("/out/releases/v1/" + tier + "/manifest.json")).as(tier).isTrue();
        }
        assertThat(keys("/out/work/logs")).hasSize(1);
        // the lock files and the staging folder are gone when the build ends
        assertThat(exists("/out/work/.v1.lock")).isFalse();
        assertThat(exists("/out/private/.build.lock")).isFalse();
        assertThat(keys("/out/releases")).noneMatch(k -> k.contains(".v1.partial") || k.endsWith(".lock"));

        Path local = fetch("/out/releases", tmp.resolve("fetched/releases"));
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), tmp.resolve("fetched"));
        assertThat(local.resolve("latest.json")).content()
                .contains("\"registered\" : \"v1\"").contains("\"controlled\" : \"v1\"");

        // a second build of the same version is refused, as on a local disk
        CliRun again = build("/out", ROOT + "/out/work");
        assertThat(again.code()).as(again.output()).isEqualTo(2);
        assertThat(again.output()).contains("release v1 was already built from these inputs");
    }

    @Test
    void anInterruptedPublication_leavesATierWithoutItsManifest_andTheSameCommandResumes() throws Exception {
        // s3a is an object store by default: each tier is copied, its manifest last; the work directory is local
        // here (the test above has it in the bucket), which halves the requests this test's two builds make
        String work = tmp.resolve("interrupted-work").toString();
        System.setProperty("cdr.fault", "publish:commit.files-copied:0:fail");
        long t0 = System.nanoTime();
        CliRun failed;
        try {
            failed = build("/interrupted", work);
        } finally {
            System.clearProperty("cdr.fault");
        }
        long failedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(failed.code()).as(failed.output()).isEqualTo(4);
        assertThat(failed.output()).contains("injected fault in publish unit commit.files-copied");
        String tierDir = "/interrupted/releases/v1/controlled";
        assertThat(keys(tierDir)).anyMatch(k -> k.contains("/omop/person/") && k.endsWith(".parquet"));
        assertThat(exists(tierDir + "/manifest.json")).isFalse();
        assertThat(exists("/interrupted/releases/latest.json")).isFalse();
        assertThat(exists("/interrupted/releases/.v1.partial/controlled/manifest.json")).isTrue();

        t0 = System.nanoTime();
        CliRun resumed = build("/interrupted", work);
        long resumedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(resumed.code()).as(resumed.output()).isZero();
        System.out.println("S3BuildTest: interrupted build " + failedMillis + " ms, resumed " + resumedMillis + " ms");
        assertThat(resumed.output()).contains("resuming v1");
        assertThat(keys("/interrupted/releases")).noneMatch(k -> k.contains(".v1.partial"));
        fetch("/interrupted/releases", tmp.resolve("fetched-interrupted/releases"));
        SampleBuilds.assertSameRelease(SampleBuilds.reference(), tmp.resolve("fetched-interrupted"));
        assertThat(tmp.resolve("fetched-interrupted/releases/latest.json")).content()
                .contains("\"controlled\" : \"v1\"").contains("\"registered\" : \"v1\"");
    }

    @Test
    void anExclusiveCreate_isRefusedByTheStore_whenAnotherWriterCreatedTheFileMeanwhile() throws Exception {
        // both writers find no file; S3A's overwrite=false check alone would let the second overwrite the first
        Path lock = Storage.path(ROOT + "/race/.v1.lock");
        try (OutputStream first = Files.newOutputStream(lock, StandardOpenOption.CREATE_NEW);
             OutputStream second = Files.newOutputStream(lock, StandardOpenOption.CREATE_NEW)) {
            first.write("first\n".getBytes(StandardCharsets.UTF_8));
            second.write("second\n".getBytes(StandardCharsets.UTF_8));
            first.close();
            // the store refuses the second object (If-None-Match: *), reported at its close
            assertThatThrownBy(second::close).isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining(ROOT + "/race/.v1.lock");
        }
        try (var in = s3.open(new org.apache.hadoop.fs.Path(ROOT + "/race/.v1.lock"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first\n");
        }
    }

    @Test
    void aLockFileLeftInTheBucket_refusesTheBuildAndSaysHowToClearIt() throws Exception {
        s3.create(new org.apache.hadoop.fs.Path(ROOT + "/locked/work/.v1.lock")).close();
        CliRun run = build("/locked", ROOT + "/locked/work");
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("another build of v1 is running")
                .contains(ROOT + "/locked/work/.v1.lock").contains("delete the lock file if no build is running");
        assertThat(exists("/locked/releases/v1")).isFalse();
    }
}
