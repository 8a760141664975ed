package org.cdrbuilder.steps.qa.facts;

import java.util.Arrays;

import org.cdrbuilder.core.qa.KeySet;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * A set of long keys in a compressed bitmap, filled at the same cost per key whatever their order: dense runs of
 * release ids, sparse ids above 2^31, participants' research ids in random order, or several interleaved sequences.
 * Keys are buffered and added to the bitmap sorted, a buffer at a time, so that the bitmap is always filled in
 * ascending order (inserting keys one by one in random order costs a cache miss each, and short ranges are
 * pathologically slow in the 64-bit bitmap). The set is queried after {@link #seal()}; memory is the compressed
 * bitmap (a few bits per dense key, a few bytes per sparse key) plus one buffer.
 */
public final class KeyBitmap implements KeySet {
    static final int BUFFER = 1 << 16;

    private final Roaring64Bitmap bitmap = new Roaring64Bitmap();
    private long[] buffer = new long[1024];
    private int buffered;
    private boolean sealed;

    /** Adds a key (a key already present is not added twice). */
    public void add(long key) {
        if (sealed) {
            throw new IllegalStateException("the key set is sealed");
        }
        if (buffered == buffer.length) {
            if (buffered < BUFFER) {
                buffer = Arrays.copyOf(buffer, buffered * 2);
            } else {
                flush();
            }
        }
        buffer[buffered++] = key;
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        Arrays.sort(buffer, 0, buffered);
        long last = buffer[0];
        bitmap.addLong(last);
        for (int i = 1; i < buffered; i++) {
            long k = buffer[i];
            if (k != last) {
                bitmap.addLong(k);
                last = k;
            }
        }
        buffered = 0;
    }

    /** Ends filling; the set is read-only afterwards. */
    public KeyBitmap seal() {
        if (!sealed) {
            flush();
            buffer = null;
            sealed = true;
        }
        return this;
    }

    /** Adds every key of {@code other} (which is sealed first) to this set, which must not be sealed yet. */
    public void addAll(KeyBitmap other) {
        if (sealed) {
            throw new IllegalStateException("the key set is sealed");
        }
        flush();
        bitmap.or(other.seal().bitmap);
    }

    @Override
    public boolean contains(long key) {
        if (!sealed) {
            throw new IllegalStateException("seal the key set before querying it");
        }
        return bitmap.contains(key);
    }

    @Override
    public long size() {
        if (!sealed) {
            throw new IllegalStateException("seal the key set before querying it");
        }
        return bitmap.getLongCardinality();
    }
}
