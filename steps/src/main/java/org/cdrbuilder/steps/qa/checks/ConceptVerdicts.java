package org.cdrbuilder.steps.qa.checks;

import java.util.function.IntPredicate;

import com.carrotsearch.hppc.IntByteHashMap;

/**
 * A probe's verdict per concept id, remembered: a field holds few distinct concepts, and asking the vocabulary
 * (a binary search over millions of concepts) once per concept instead of once per row keeps concept checks cheap.
 */
final class ConceptVerdicts {
    private static final byte GOOD = 1;
    private static final byte BAD = 2;
    /** A direct-mapped cache in front of the map: most lookups end here. */
    private static final int SLOTS = 1024;
    private final int[] slotKeys = new int[SLOTS];
    private final byte[] slotVerdicts = new byte[SLOTS];
    private final IntByteHashMap cache = new IntByteHashMap();
    private final IntPredicate violates;

    ConceptVerdicts(IntPredicate violates) {
        this.violates = violates;
    }

    boolean violates(int conceptId) {
        int slot = (conceptId ^ (conceptId >>> 10)) & (SLOTS - 1);
        if (slotVerdicts[slot] != 0 && slotKeys[slot] == conceptId) {
            return slotVerdicts[slot] == BAD;
        }
        byte v = cache.getOrDefault(conceptId, (byte) 0);
        if (v == 0) {
            v = violates.test(conceptId) ? BAD : GOOD;
            cache.put(conceptId, v);
        }
        slotKeys[slot] = conceptId;
        slotVerdicts[slot] = v;
        return v == BAD;
    }
}
