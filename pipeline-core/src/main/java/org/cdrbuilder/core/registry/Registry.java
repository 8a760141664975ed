package org.cdrbuilder.core.registry;

import java.util.Arrays;
import java.util.function.Consumer;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * The participants of a build, indexed by number. This is the person index: memory grows with participants
 * (about 600,000 in the reference program), never with clinical rows.
 */
public final class Registry {
    private final LongObjectHashMap<Participant> byNumber;
    private final long[] sortedNumbers;

    private Registry(LongObjectHashMap<Participant> byNumber) {
        this.byNumber = byNumber;
        this.sortedNumbers = byNumber.keys().toArray();
        Arrays.sort(sortedNumbers);
    }

    public static Registry of(Iterable<Participant> participants) {
        LongObjectHashMap<Participant> m = new LongObjectHashMap<>();
        for (Participant p : participants) {
            if (m.put(p.number(), p) != null) {
                throw new IllegalArgumentException("duplicate participant " + p.number());
            }
        }
        return new Registry(m);
    }

    /** The participant with this number, or null. */
    public Participant get(long number) {
        return byNumber.get(number);
    }

    public int size() {
        return sortedNumbers.length;
    }

    /** Every participant number, ascending. */
    public long[] numbers() {
        return sortedNumbers.clone();
    }

    /** Every participant, in ascending number order (the form in which the registry is shipped to executors). */
    public java.util.ArrayList<Participant> participants() {
        java.util.ArrayList<Participant> all = new java.util.ArrayList<>(sortedNumbers.length);
        forEachSorted(all::add);
        return all;
    }

    /** Visits participants in ascending number order. */
    public void forEachSorted(Consumer<Participant> action) {
        for (long n : sortedNumbers) {
            action.accept(byNumber.get(n));
        }
    }
}
