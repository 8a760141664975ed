package org.cdrbuilder.spark;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/** Spark, Hadoop and Netty log at INFO a great deal; the build's console and log keep their warnings only. */
final class SparkLogging {
    private SparkLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
            for (String name : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty"}) {
                if (lc.exists(name) == null || lc.getLogger(name).getLevel() == null) {
                    lc.getLogger(name).setLevel(Level.WARN);
                }
            }
        }
    }
}
