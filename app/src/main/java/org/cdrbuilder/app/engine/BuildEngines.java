package org.cdrbuilder.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.cdrbuilder.app.batch.BatchBuildEngine;
import org.cdrbuilder.core.config.ConfigException;

/** Finds the engine {@code --engine} names: {@code local} is built in, others come from the class path. */
public final class BuildEngines {
    public static final String LOCAL = "local";

    private BuildEngines() {
    }

    /** The engine of that name; a {@link ConfigException} saying how to get it when it is not on the class path. */
    public static BuildEngine named(String name) {
        if (name == null || name.equals(LOCAL)) {
            return new BatchBuildEngine();
        }
        List<String> found = new ArrayList<>(List.of(LOCAL));
        for (BuildEngine e : ServiceLoader.load(BuildEngine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
            found.add(e.name());
        }
        if (name.equals("spark")) {
            throw new ConfigException("the spark engine is not on the class path of this cdr: run it with scripts/cdr "
                    + "(which adds spark/target/cdr-spark.jar and spark/target/lib/ when --engine spark is given; build "
                    + "them with mvn -pl spark -am package -DskipTests), or with spark-submit --class "
                    + "org.cdrbuilder.spark.SparkCdr spark/target/cdr-spark.jar build ... (docs/CLUSTER.md)");
        }
        throw new ConfigException("unknown engine '" + name + "': this cdr has " + String.join(", ", found));
    }
}
