package org.cdrbuilder.core.stage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * One independently runnable, restartable piece of a stage (typically one input file or one staged part).
 * Attributes are strings so that a unit can be stored in a job repository and re-created on restart.
 *
 * @param id unique within its stage, file-name safe; outputs are named after it and sorted by it
 */
public record WorkUnit(String id, Map<String, String> attributes) {
    public WorkUnit {
        requireNonNull(id, "id is null");
        if (!id.matches("[A-Za-z0-9._=-]+")) {
            throw new IllegalArgumentException("unit id must be file-name safe: " + id);
        }
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public String attr(String key) {
        String v = attributes.get(key);
        if (v == null) {
            throw new IllegalStateException("unit " + id + " has no attribute " + key);
        }
        return v;
    }

    public String attrOrNull(String key) {
        return attributes.get(key);
    }

    public long longAttr(String key) {
        return Long.parseLong(attr(key));
    }

    /** Makes a file-name safe id from free text (site ids, file names). */
    public static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
