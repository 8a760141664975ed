package org.cdrbuilder.steps.qa.facts;

import java.util.Arrays;
import java.util.function.LongConsumer;

import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * Counts the rows whose key occurs more than once, at the same cost per key whatever the key order: keys are
 * buffered and checked a sorted buffer at a time against compressed bitmaps of the keys seen and of those known to be
 * duplicated. Every occurrence of a duplicated key counts, the first one included (as the Data Quality Dashboard
 * counts). Not thread-safe: one scan fills it.
 */
public final class DuplicateKeys {
    private final Roaring64Bitmap seen = new Roaring64Bitmap();
    private final Roaring64Bitmap duplicated = new Roaring64Bitmap();
    private final LongConsumer onDuplicate;
    private long[] buffer = new long[1024];
    private int buffered;
    private long rowsWithDuplicates;

    /** @param onDuplicate told each key found duplicated, once, when it is found */
    public DuplicateKeys(LongConsumer onDuplicate) {
        this.onDuplicate = onDuplicate;
    }

    public void add(long key) {
        if (buffered == buffer.length) {
            if (buffered < KeyBitmap.BUFFER) {
                buffer = Arrays.copyOf(buffer, buffered * 2);
            } else {
                flush();
            }
        }
        buffer[buffered++] = key;
    }

    /** Checks the buffered keys; call after the last key before reading the count. */
    public void flush() {
        Arrays.sort(buffer, 0, buffered);
        int i = 0;
        while (i < buffered) {
            long k = buffer[i];
            int j = i + 1;
            while (j < buffered && buffer[j] == k) {
                j++;
            }
            int n = j - i;
            if (duplicated.contains(k)) {
                rowsWithDuplicates += n;
            } else if (seen.contains(k)) {
                rowsWithDuplicates += n + 1;
                duplicated.addLong(k);
                onDuplicate.accept(k);
            } else {
                seen.addLong(k);
                if (n > 1) {
                    rowsWithDuplicates += n;
                    duplicated.addLong(k);
                    onDuplicate.accept(k);
                }
            }
            i = j;
        }
        buffered = 0;
    }

    /** Rows whose key occurs more than once, as of the last {@link #flush()}. */
    public long rowsWithDuplicates() {
        return rowsWithDuplicates;
    }
}
