package org.cdrbuilder.steps.qa.facts;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A set of sparse long keys (8 bytes per key) filled at O(1) amortized per key in any order: keys are appended to a
 * log, which is radix-sorted and merged into the sorted unique keys whenever it is as long as they are (so repeats
 * cost no memory for long). Once sealed, a directory over the keys' range finds a key with about one probe.
 */
final class SortedKeys {
    private static final int MIN_LOG = 1 << 16;

    private long[] log = new long[MIN_LOG];
    private int logged;
    private long[] keys = new long[0];
    private int size;
    private long[] scratch = new long[0];
    private int shift;
    private long first;
    private int[] directory;

    void add(long key) {
        if (logged == log.length) {
            compact();
        }
        log[logged++] = key;
    }

    /** Sorts the log and merges it into the keys. */
    private void compact() {
        if (scratch.length < logged) {
            scratch = new long[log.length];
        }
        long[] sorted = RadixSort.sort(log, logged, scratch);
        long[] merged = new long[size + logged];
        int i = 0;
        int j = 0;
        int m = 0;
        while (i < size || j < logged) {
            long v = j == logged || (i < size && keys[i] <= sorted[j]) ? keys[i++] : sorted[j++];
            if (m == 0 || merged[m - 1] != v) {
                merged[m++] = v;
            }
        }
        keys = merged;
        size = m;
        logged = 0; // the log and the scratch array are free again
        if (log.length < size) {
            log = new long[size];
        }
    }

    void seal() {
        if (logged > 0) {
            compact();
        }
        keys = size == keys.length ? keys : Arrays.copyOf(keys, size);
        log = null;
        scratch = null;
        if (size == 0) {
            directory = new int[] {0, 0};
            return;
        }
        first = keys[0];
        long span = keys[size - 1] - first;
        int spanBits = 64 - Long.numberOfLeadingZeros(span);
        int bucketBits = Math.max(1, 64 - Long.numberOfLeadingZeros(size)); // about one key per bucket
        shift = Math.max(0, spanBits - bucketBits);
        int buckets = (int) ((span >>> shift) + 1);
        directory = new int[buckets + 1];
        int b = 0;
        for (int i = 0; i < size; i++) {
            int kb = (int) ((keys[i] - first) >>> shift);
            while (b <= kb) {
                directory[b++] = i;
            }
        }
        while (b <= buckets) {
            directory[b++] = size;
        }
    }

    boolean contains(long key) {
        long offset = key - first;
        if (size == 0 || key < first || key > keys[size - 1]) {
            return false;
        }
        int b = (int) (offset >>> shift);
        int from = directory[b];
        int to = directory[b + 1];
        if (to - from <= 8) {
            for (int i = from; i < to; i++) {
                if (keys[i] == key) {
                    return true;
                }
            }
            return false;
        }
        return Arrays.binarySearch(keys, from, to, key) >= 0;
    }

    /** The number of keys; exact once sealed. */
    long size() {
        return size + logged;
    }

    void forEach(LongConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i]);
        }
    }
}
