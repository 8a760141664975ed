package org.cdrbuilder.steps.qa.facts;

import org.cdrbuilder.core.qa.KeySet;

/**
 * A set of long keys filled at O(1) amortized per key whatever their order: dense runs of release ids, sparse ids
 * above 2^31, research ids in random order, several interleaved sequences. Dense keys are bits over their range
 * ({@link KeyBits}: about one bit per release id); once they would be sparser than one in {@value KeyBits#DENSITY},
 * they move to {@link SortedKeys} (8 bytes per key, radix-sorted in batches). Lookups are O(1) in both. Not
 * thread-safe: one scan fills it; queried after {@link #seal()}.
 */
public final class LongKeySet implements KeySet {
    private KeyBits bits = new KeyBits();
    private SortedKeys sparse;
    private boolean sealed;

    public void add(long key) {
        if (sealed) {
            throw new IllegalStateException("the key set is sealed");
        }
        if (sparse != null) {
            sparse.add(key);
        } else if (bits.fits(key)) {
            bits.add(key);
        } else {
            sparse = new SortedKeys();
            bits.forEach(sparse::add);
            bits = null;
            sparse.add(key);
        }
    }

    /** Ends filling; the set is read-only afterwards. */
    public LongKeySet seal() {
        if (!sealed) {
            sealed = true;
            if (sparse != null) {
                sparse.seal();
            }
        }
        return this;
    }

    /** Adds every key of {@code other} (which is sealed first) to this set, which must not be sealed yet. */
    public void addAll(LongKeySet other) {
        other.seal();
        if (other.sparse != null) {
            other.sparse.forEach(this::add);
        } else {
            other.bits.forEach(this::add);
        }
    }

    @Override
    public boolean contains(long key) {
        if (!sealed) {
            throw new IllegalStateException("seal the key set before querying it");
        }
        return sparse != null ? sparse.contains(key) : bits.contains(key);
    }

    @Override
    public long size() {
        if (!sealed) {
            throw new IllegalStateException("seal the key set before querying it");
        }
        return sparse != null ? sparse.size() : bits.size();
    }

    /** Whether the keys are kept as bits (for tests and benchmarks). */
    boolean dense() {
        return sparse == null;
    }
}
