package org.cdrbuilder.steps.qa.facts;

import org.cdrbuilder.core.qa.KeySet;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * A set of long keys in a compressed bitmap, cheap to fill with the dense, mostly ascending release ids: a run of
 * consecutive ids is added as one range, and a key above every key seen so far is new without a lookup.
 */
public final class KeyBitmap implements KeySet {
    private final Roaring64Bitmap bitmap = new Roaring64Bitmap();
    private long runStart;
    private long runEnd;
    private boolean inRun;
    private long max;
    private long size;

    /** Adds a key; returns false when it was already present. */
    public boolean add(long key) {
        if (size == 0 || key > max) {
            if (inRun && key == runEnd + 1) {
                runEnd = key;
            } else {
                flush();
                inRun = true;
                runStart = key;
                runEnd = key;
            }
            max = key;
            size++;
            return true;
        }
        if (contains(key)) {
            return false;
        }
        flush();
        bitmap.addLong(key);
        size++;
        return true;
    }

    private void flush() {
        if (inRun) {
            bitmap.addRange(runStart, runEnd + 1);
            inRun = false;
        }
    }

    /** Ends filling; the set is read-only afterwards. */
    public KeyBitmap seal() {
        flush();
        return this;
    }

    /** Adds every key of {@code other} (both are sealed first). */
    public void addAll(KeyBitmap other) {
        seal();
        bitmap.or(other.seal().bitmap);
        size = bitmap.getLongCardinality();
        max = Math.max(max, other.max);
    }

    @Override
    public boolean contains(long key) {
        return (inRun && key >= runStart && key <= runEnd) || bitmap.contains(key);
    }

    @Override
    public long size() {
        return size;
    }
}
