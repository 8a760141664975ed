package org.cdrbuilder.steps.qa.facts;

import java.util.function.LongConsumer;

/**
 * Dense long keys as bits of one array over their range: at most {@value #DENSITY} possible keys per key (so at most
 * 8 bytes per key, and about one bit per key for release ids), or any keys within a range of 2^24. Adding a key that would make the keys sparser is
 * refused ({@link #fits}); the owner then moves them to {@link SortedKeys}.
 */
final class KeyBits {
    static final int DENSITY = 64;
    private static final int MIN_WORDS = 16;
    /**
     * Any keys within a range this small stay bits (at most 2 MB), so that the first keys of a shuffled dense
     * sequence, or research ids (seven digits), never look sparse.
     */
    private static final long MIN_RANGE = 1L << 24;
    /** Keys this close to the ends of the long range are never bits (offsets would overflow). */
    private static final long EDGE = 1L << 40;

    private long[] words;
    private long base;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long size;

    /** Whether {@code key} can be added while keeping the keys dense. */
    boolean fits(long key) {
        if (key > Long.MAX_VALUE - EDGE || key < Long.MIN_VALUE + EDGE) {
            return false;
        }
        if (words == null || (key >= base && key - base < (long) words.length << 6)) {
            return true;
        }
        long range = Math.max(max, key) - Math.min(min, key) + 1;
        return range > 0 && range < (1L << 37) && (range <= MIN_RANGE || range / DENSITY <= size + 1);
    }

    /** Adds a key that {@link #fits}; returns false when it was already present. */
    boolean add(long key) {
        if (words == null) {
            base = key & ~63L;
            words = new long[MIN_WORDS];
        } else if (key < base || key - base >= (long) words.length << 6) {
            grow(Math.min(min, key), Math.max(max, key));
        }
        long offset = key - base;
        int w = (int) (offset >>> 6);
        long bit = 1L << offset;
        if ((words[w] & bit) != 0) {
            return false;
        }
        words[w] |= bit;
        size++;
        min = Math.min(min, key);
        max = Math.max(max, key);
        return true;
    }

    /** Grows the array to cover [lo, hi], at least doubling it, the slack on the side that grew. */
    private void grow(long lo, long hi) {
        long end = base + ((long) words.length << 6);
        long newLo = Math.min(base, lo & ~63L);
        long newEnd = Math.max(end, (hi | 63L) + 1);
        long needed = (newEnd - newLo) >>> 6;
        long capacity = Math.min(Math.max(needed, 2L * words.length), Math.max(needed, Integer.MAX_VALUE - 8));
        long newBase = lo < base ? newEnd - (capacity << 6) : newLo;
        long[] grown = new long[Math.toIntExact(capacity)];
        System.arraycopy(words, 0, grown, (int) ((base - newBase) >>> 6), words.length);
        words = grown;
        base = newBase;
    }

    boolean contains(long key) {
        if (words == null || key < base) {
            return false;
        }
        long offset = key - base;
        return offset < (long) words.length << 6 && (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
    }

    long size() {
        return size;
    }

    void forEach(LongConsumer action) {
        if (words == null) {
            return;
        }
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                action.accept(base + ((long) w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
    }
}
