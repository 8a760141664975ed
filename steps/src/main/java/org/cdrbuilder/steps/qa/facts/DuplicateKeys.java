package org.cdrbuilder.steps.qa.facts;

/**
 * Counts the rows whose key occurs more than once, at O(1) amortized per row whatever the key order: every
 * occurrence of a duplicated key counts, the first one included (as the Data Quality Dashboard counts). While the keys
 * are dense ({@link KeyBits}) each repeat is known as its row is read; once they are sparse, keys are logged and
 * counted, radix-sorted, in {@link #finish()}. Not thread-safe: one scan fills it.
 */
public final class DuplicateKeys {
    /** {@link #add} result: the key was not seen before (or, once sparse, is only counted at the end). */
    public static final int NEW = 0;
    public static final int FIRST_REPEAT = 2;
    public static final int REPEAT = 1;

    private KeyBits seen = new KeyBits();
    /** Keys found duplicated while dense (few: a hash set). */
    private final com.carrotsearch.hppc.LongHashSet duplicated = new com.carrotsearch.hppc.LongHashSet();
    private long[] log;
    private int logged;
    private long rowsWithDuplicates;
    private long[] duplicateExamples = new long[0];

    /**
     * Counts a key: {@link #NEW}, {@link #FIRST_REPEAT} (this row and the first occurrence now count) or
     * {@link #REPEAT}. Once the keys are sparse every call returns {@link #NEW} and the repeats are counted by
     * {@link #finish()}.
     */
    public int add(long key) {
        if (log != null) {
            if (logged == log.length) {
                log = java.util.Arrays.copyOf(log, (int) Math.min(Integer.MAX_VALUE - 8, log.length * 3L / 2));
            }
            log[logged++] = key;
            return NEW;
        }
        if (!seen.fits(key)) {
            toLog();
            return add(key);
        }
        if (seen.add(key)) {
            return NEW;
        }
        int n = duplicated.add(key) ? FIRST_REPEAT : REPEAT;
        rowsWithDuplicates += n;
        return n;
    }

    /** Dense keys seen so far move to the log, once each; their repeats so far are counted already. */
    private void toLog() {
        log = new long[(int) Math.max(1 << 16, seen.size() * 2)];
        seen.forEach(k -> log[logged++] = k);
        seen = null;
    }

    /**
     * Ends counting: repeats among logged keys are counted (keys the dense phase found duplicated were counted
     * then, and a later repeat of such a key counts once more). Returns up to {@code examples} keys found duplicated
     * here.
     */
    public long[] finish(int examples) {
        if (log == null) {
            return duplicateExamples;
        }
        long[] sorted = RadixSort.sort(log, logged, new long[logged]);
        long[] found = new long[examples];
        int shown = 0;
        int i = 0;
        while (i < logged) {
            int j = i + 1;
            while (j < logged && sorted[j] == sorted[i]) {
                j++;
            }
            if (duplicated.contains(sorted[i])) {
                rowsWithDuplicates += j - i - 1; // its dense occurrences were counted; the log holds one of them
            } else if (j - i > 1) {
                rowsWithDuplicates += j - i;
                if (shown < examples) {
                    found[shown++] = sorted[i];
                }
            }
            i = j;
        }
        log = null;
        duplicateExamples = java.util.Arrays.copyOf(found, shown);
        return duplicateExamples;
    }

    /** Rows whose key occurs more than once (complete after {@link #finish}). */
    public long rowsWithDuplicates() {
        return rowsWithDuplicates;
    }
}
