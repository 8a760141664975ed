package org.cdrbuilder.steps.snapshot;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The dissemination rule for public counts of participants or records, and its protection against subtraction.
 * <p>
 * The rule: 0 stays 0; 1 to {@code cellSize} become {@code cellSize}; larger counts round up to the next multiple of
 * {@code cellSize}. Rounding each count on its own is not enough when a total and a subset are both shown: with
 * total 40 and subset 39 both shown as 40, a reader subtracts and concludes that nobody is outside the subset, while
 * one person is (a small cell shown as 0). So every cell that contains published subsets is raised until, for each
 * subset, {@code published(total) - published(subset) >= round(raw(total) - raw(subset))}: the difference a reader
 * derives is itself a count the rule allows for the complement (0 only when the complement is empty, otherwise at
 * least {@code cellSize} and at least its true size). The property holds along every chain of subsets, so it holds
 * for every pair of nested published counts. Leaves keep the plain rule; a parent is at most one step of
 * {@code cellSize} above the rule per level of subsets below it.
 */
final class Dissemination {
    private final int cellSize;

    Dissemination(int cellSize) {
        if (cellSize < 1) {
            throw new IllegalArgumentException("cell size must be >= 1: " + cellSize);
        }
        this.cellSize = cellSize;
    }

    int cellSize() {
        return cellSize;
    }

    /** The rule applied to one count. */
    long round(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + count);
        }
        return count == 0 ? 0 : (count + cellSize - 1) / cellSize * cellSize;
    }

    /** Publishes every cell and every cell they contain, subsets first. */
    void publish(Collection<Cell> cells) {
        Set<Cell> path = new HashSet<>();
        for (Cell c : cells) {
            publish(c, path);
        }
    }

    private long publish(Cell cell, Set<Cell> path) {
        if (cell.isPublished()) {
            return cell.published();
        }
        if (!path.add(cell)) {
            throw new IllegalStateException("counts that contain each other: " + cell);
        }
        long value = round(cell.raw());
        for (Cell subset : cell.subsets()) {
            value = Math.max(value, publish(subset, path) + round(cell.raw() - subset.raw()));
        }
        path.remove(cell);
        cell.publish(value);
        return value;
    }
}
