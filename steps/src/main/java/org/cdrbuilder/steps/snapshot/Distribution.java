package org.cdrbuilder.steps.snapshot;

import java.util.Arrays;

/**
 * The statistics of an Achilles distribution row, with Achilles' percentile definition (the smallest value whose
 * cumulative count reaches the percentile) and sample standard deviation. Disclosure control: a distribution of fewer
 * than {@code cellSize} participants is not computed, and min/max are the {@code cellSize}-th lowest and highest
 * values, so that no single participant's extreme value is published.
 */
record Distribution(long count, double minValue, double maxValue, double avgValue, double stdevValue,
                    double medianValue, double p10Value, double p25Value, double p75Value, double p90Value) {

    /** The distribution of the first {@code n} values, or null when {@code n < cellSize}. */
    static Distribution of(int[] values, int n, int cellSize) {
        if (n < Math.max(cellSize, 2)) {
            return null;
        }
        int[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        double sum = 0;
        for (int x : v) {
            sum += x;
        }
        double avg = sum / n;
        double squares = 0;
        for (int x : v) {
            squares += (x - avg) * (x - avg);
        }
        return new Distribution(n, v[cellSize - 1], v[n - cellSize], avg, Math.sqrt(squares / (n - 1)),
                percentile(v, 50), percentile(v, 10), percentile(v, 25), percentile(v, 75), percentile(v, 90));
    }

    /** Achilles: min(value) where the count of values up to it is at least pct% of all. */
    static int percentile(int[] sorted, int pct) {
        long needed = ((long) pct * sorted.length + 99) / 100;
        return sorted[(int) Math.max(0, needed - 1)];
    }
}
