package org.cdrbuilder.steps.harmonize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The visit index of every EHR site, each built the first time a unit of that site asks for it and kept for the
 * rest of the process. A site's index is built under that site's own lock: units of other sites never wait for it.
 */
public final class SiteVisitIndexes {
    private final Function<String, SiteVisitIndex> build;
    private final Map<String, Slot> sites = new ConcurrentHashMap<>();

    SiteVisitIndexes(Function<String, SiteVisitIndex> build) {
        this.build = build;
    }

    /** The index of {@code site} (empty when the site sent no visits). */
    public SiteVisitIndex of(String site) {
        Slot slot = sites.computeIfAbsent(site, s -> new Slot());
        SiteVisitIndex v = slot.index;
        if (v == null) {
            synchronized (slot) {
                v = slot.index;
                if (v == null) {
                    v = build.apply(site);
                    slot.index = v;
                }
            }
        }
        return v;
    }

    private static final class Slot {
        private volatile SiteVisitIndex index;
    }
}
