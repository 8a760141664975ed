package org.cdrbuilder.spark;

import org.cdrbuilder.app.cli.Cdr;

/**
 * The {@code cdr} command line with the Spark engine on the class path: the main class of {@code cdr-spark.jar}, for
 * {@code java -jar} (what {@code scripts/cdr --engine spark} runs) and {@code spark-submit --class}.
 */
public final class SparkCdr {
    private SparkCdr() {
    }

    public static void main(String[] args) {
        SparkLogging.quiet();
        Cdr.main(args);
    }
}
