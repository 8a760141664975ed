package org.cdrbuilder.steps.qa.facts;

/**
 * Sorts long keys in linear time (least significant digit first, 11 bits per pass, only as many passes as the
 * keys' range needs): the key sets of QA sort millions of scattered ids at a few nanoseconds each, where a
 * comparison sort or a hash set costs a cache miss per key.
 */
final class RadixSort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private RadixSort() {
    }

    /** Sorts {@code a[0..n)} ascending; {@code tmp} has at least {@code n} elements. Returns the sorted array. */
    static long[] sort(long[] a, int n, long[] tmp) {
        if (n < 2) {
            return a;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, a[i]);
            max = Math.max(max, a[i]);
        }
        long span = max - min; // as an unsigned number: keys are ordered by their offset from min
        int bits = 64 - Long.numberOfLeadingZeros(span);
        long[] src = a;
        long[] dst = tmp;
        int[] count = new int[RADIX];
        for (int shift = 0; shift < bits; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (((src[i] - min) >>> shift) & (RADIX - 1))]++;
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[count[(int) (((v - min) >>> shift) & (RADIX - 1))]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }
}
