package org.cdrbuilder.spark;

import java.io.Serializable;
import java.util.TreeMap;

import org.cdrbuilder.core.stage.WorkUnit;

/** A {@link WorkUnit} as a Spark task's element: its id and attributes, serializable. */
record SparkUnit(String id, TreeMap<String, String> attributes) implements Serializable {
    private static final long serialVersionUID = 1L;

    static SparkUnit of(WorkUnit unit) {
        return new SparkUnit(unit.id(), new TreeMap<>(unit.attributes()));
    }

    WorkUnit toWorkUnit() {
        return new WorkUnit(id, attributes);
    }
}
