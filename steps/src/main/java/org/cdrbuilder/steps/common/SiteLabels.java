package org.cdrbuilder.steps.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cdrbuilder.core.stage.WorkLayout;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Masked labels of EHR sites ({@code EHR site 101}), stable from one release to the next: the assignment is kept in
 * the private state directory, and a new site gets the next free number (sites first seen together are numbered in
 * name order). Real site ids never appear in a release.
 */
public final class SiteLabels implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int FIRST = 101;
    private final TreeMap<String, Integer> numbers;

    private SiteLabels(TreeMap<String, Integer> numbers) {
        this.numbers = numbers;
    }

    /** Loads the assignment, adds any new sites, saves it, and returns it. */
    public static synchronized SiteLabels assign(Path privateDir, Collection<String> sites) {
        Path file = privateDir.resolve("site-labels.json");
        TreeMap<String, Integer> m = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                m.putAll(WorkLayout.JSON.readValue(java.nio.file.Files.newInputStream(file), new TypeReference<Map<String, Integer>>() { }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
        }
        int next = m.values().stream().mapToInt(Integer::intValue).max().orElse(FIRST - 1) + 1;
        boolean changed = false;
        for (String s : new TreeSet<>(sites)) {
            if (!m.containsKey(s)) {
                m.put(s, next++);
                changed = true;
            }
        }
        if (changed) {
            WorkLayout.writeJson(file, m);
        }
        return new SiteLabels(m);
    }

    /** Loads the saved assignment without changing it. */
    public static SiteLabels load(Path privateDir) {
        return assign(privateDir, java.util.List.of());
    }

    /** The masked label of a site, e.g. {@code EHR site 101}. */
    public String label(String site) {
        Integer n = numbers.get(site);
        if (n == null) {
            throw new IllegalStateException("site has no label yet: " + site);
        }
        return "EHR site " + n;
    }
}
