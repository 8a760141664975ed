package org.cdrbuilder.steps.qa.facts;

import java.util.Arrays;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * Positions of keys in parallel arrays, found in O(1) whatever the key order: an array indexed by key when the keys
 * are dense (release ids: 4 bytes per possible key), a hash map when they are sparse. A repeated key keeps its last
 * position. Read-only.
 */
final class KeyPositions {
    /** Possible keys per key at most for the direct array. */
    private static final int DENSITY = 4;

    private final long base;
    private final int[] direct;
    private final LongIntHashMap hash;

    KeyPositions(long[] keys) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : keys) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        long range = keys.length == 0 ? 0 : max - min + 1;
        if (keys.length > 0 && range > 0 && range <= (long) DENSITY * keys.length && range < Integer.MAX_VALUE - 8) {
            base = min;
            direct = new int[(int) range];
            Arrays.fill(direct, -1);
            for (int i = 0; i < keys.length; i++) {
                direct[(int) (keys[i] - base)] = i;
            }
            hash = null;
        } else {
            base = 0;
            direct = null;
            hash = new LongIntHashMap(keys.length);
            for (int i = 0; i < keys.length; i++) {
                hash.put(keys[i], i);
            }
        }
    }

    /** The position of {@code key}, or -1. */
    int indexOf(long key) {
        if (direct != null) {
            long offset = key - base;
            return offset < 0 || offset >= direct.length ? -1 : direct[(int) offset];
        }
        return hash.getOrDefault(key, -1);
    }
}
