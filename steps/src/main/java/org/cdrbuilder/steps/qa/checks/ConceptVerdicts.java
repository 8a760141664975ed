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
    private final IntByteHashMap cache = new IntByteHashMap();
    private final IntPredicate violates;

    ConceptVerdicts(IntPredicate violates) {
        this.violates = violates;
    }

    boolean violates(int conceptId) {
        byte v = cache.getOrDefault(conceptId, (byte) 0);
        if (v == 0) {
            v = violates.test(conceptId) ? BAD : GOOD;
            cache.put(conceptId, v);
        }
        return v == BAD;
    }
}
