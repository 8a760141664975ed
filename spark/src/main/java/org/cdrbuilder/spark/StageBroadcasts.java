package org.cdrbuilder.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.cdrbuilder.core.stage.Artifact;
import org.cdrbuilder.core.stage.BuildContext;
import org.cdrbuilder.core.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts of a build that go to executors as Spark broadcast variables: every artifact a stage needs that is
 * {@linkplain Artifact#isShipped shipped} (vocabulary index, registry, privacy mapping store, id plan, site labels)
 * is packed once on the driver, which has loaded it to plan the stage, and broadcast the first time a stage needs
 * it; executors unpack it instead of loading it from the work and private directories. A secret artifact (the
 * mapping store) is broadcast only where it does not cross a network unencrypted: a local or local-cluster master,
 * or {@code spark.network.crypto.enabled}; otherwise executors load it themselves, as artifacts that are not shipped
 * are. The broadcasts are destroyed when the build ends.
 */
final class StageBroadcasts {
    private static final Logger LOG = LoggerFactory.getLogger(StageBroadcasts.class);

    private final JavaSparkContext jsc;
    private final boolean enabled;
    private final boolean secretsAllowed;
    private final Map<Artifact<?>, Broadcast<Serializable>> sent = new LinkedHashMap<>();

    /**
     * @param enabled false when the executors share the driver's context (local mode), where there is nothing to send
     */
    StageBroadcasts(JavaSparkContext jsc, boolean enabled) {
        this.jsc = jsc;
        this.enabled = enabled;
        this.secretsAllowed = maySendSecrets(jsc.getConf());
    }

    /** Whether a secret may be broadcast: no network between driver and executors, or an encrypted one. */
    static boolean maySendSecrets(org.apache.spark.SparkConf conf) {
        return conf.get("spark.master", "").startsWith("local")
                || conf.getBoolean("spark.network.crypto.enabled", false);
    }

    /** The broadcasts of the artifacts {@code stage} needs (made now for the ones not sent yet), by artifact name. */
    TreeMap<String, Broadcast<Serializable>> of(Stage stage, BuildContext ctx) {
        TreeMap<String, Broadcast<Serializable>> out = new TreeMap<>();
        if (!enabled) {
            return out;
        }
        for (Artifact<?> a : stage.needs()) {
            if (!a.isShipped()) {
                continue;
            }
            if (a.isSecret() && !secretsAllowed) {
                if (!sent.containsKey(a)) {
                    LOG.info("{}: not broadcast (secret, and spark.network.crypto.enabled is off); executors load it",
                            a.name());
                    sent.put(a, null);
                }
                continue;
            }
            Broadcast<Serializable> b = sent.get(a);
            if (b == null) {
                long t0 = System.nanoTime();
                b = jsc.broadcast(a.pack(ctx));
                sent.put(a, b);
                LOG.info("{}: broadcast to executors in {} ms, {}", a.name(), (System.nanoTime() - t0) / 1_000_000,
                        size(b));
            }
            out.put(a.name(), b);
        }
        return out;
    }

    /**
     * The compressed size of a broadcast's pieces in the driver's block manager (what each executor fetches), for
     * the log; Spark keeps it internal, so "size unknown" when that changes.
     */
    private static String size(Broadcast<?> b) {
        try {
            org.apache.spark.storage.BlockManager bm = org.apache.spark.SparkEnv.get().blockManager();
            long bytes = 0;
            int pieces = 0;
            while (true) {
                scala.Option<org.apache.spark.storage.BlockStatus> st = bm.getStatus(
                        new org.apache.spark.storage.BroadcastBlockId(b.id(), "piece" + pieces));
                if (st.isEmpty()) {
                    break;
                }
                bytes += Math.max(st.get().memSize(), st.get().diskSize());
                pieces++;
            }
            return pieces == 0 ? "size unknown" : String.format(java.util.Locale.ROOT, "%.1f kB in %d piece%s",
                    bytes / 1e3, pieces, pieces == 1 ? "" : "s");
        } catch (RuntimeException | LinkageError e) {
            return "size unknown";
        }
    }

    /** Removes every broadcast of the build from the executors and the driver. */
    void destroy() {
        for (Broadcast<Serializable> b : sent.values()) {
            if (b != null) {
                b.destroy();
            }
        }
        sent.clear();
    }
}
