package org.cdrbuilder.steps.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One public count of participants or records: its true value, the published counts whose people (or records) it
 * also counts, and, once {@link Dissemination} has run, the value that may be shown. Cells form a directed acyclic
 * graph (a total contains a data type, which contains a combination...).
 */
final class Cell {
    private final long raw;
    private final List<Cell> subsets = new ArrayList<>(2);
    private long published = -1;

    Cell(long raw) {
        if (raw < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + raw);
        }
        this.raw = raw;
    }

    long raw() {
        return raw;
    }

    /** Declares that everyone (everything) {@code subset} counts is counted here too; returns this. */
    Cell contains(Cell subset) {
        if (subset == this) {
            throw new IllegalArgumentException("a cell cannot contain itself");
        }
        if (subset.raw > raw) {
            throw new IllegalArgumentException("a subset (" + subset.raw + ") cannot be larger than its superset (" + raw
                    + ")");
        }
        subsets.add(subset);
        return this;
    }

    List<Cell> subsets() {
        return Collections.unmodifiableList(subsets);
    }

    boolean isPublished() {
        return published >= 0;
    }

    /** The value to show; only after dissemination. */
    long published() {
        if (published < 0) {
            throw new IllegalStateException("count not disseminated yet");
        }
        return published;
    }

    void publish(long value) {
        published = value;
    }

    @Override
    public String toString() {
        return raw + (published >= 0 ? "->" + published : "");
    }
}
