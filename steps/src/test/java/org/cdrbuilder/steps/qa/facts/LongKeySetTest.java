package org.cdrbuilder.steps.qa.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LongKeySetTest {
    /** Dense runs, sparse ids above 2^31, shuffled research ids and interleaved sequences, with repeats. */
    private static List<Long> keys(Random r) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(10_000L + i / 2); // dense, each twice
        }
        long sparse = 3_000_000_000L;
        for (int i = 0; i < 100_000; i++) {
            sparse += 1 + r.nextInt(5_000);
            keys.add(sparse);
        }
        List<Long> shuffled = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            shuffled.add(1_000_000L + r.nextInt(9_000_000));
        }
        Collections.shuffle(shuffled, r);
        keys.addAll(shuffled);
        for (int i = 0; i < 50_000; i++) {
            keys.add(500_000_000L + i);
            keys.add(700_000_000L + 3L * i);
        }
        keys.add(Long.MAX_VALUE);
        keys.add(-5L);
        keys.add(0L);
        return keys;
    }

    @Test
    void addContainsAndSize_matchAHashSet_forEveryKeyOrder() {
        Random r = new Random(3);
        for (boolean shuffle : new boolean[] {false, true}) {
            List<Long> keys = keys(r);
            if (shuffle) {
                Collections.shuffle(keys, r);
            }
            LongKeySet set = new LongKeySet();
            Set<Long> expected = new HashSet<>();
            for (long k : keys) {
                set.add(k);
                expected.add(k);
            }
            set.seal();
            assertThat(set.size()).isEqualTo(expected.size());
            for (long k : keys) {
                assertThat(set.contains(k)).isTrue();
                assertThat(set.contains(k + 1)).as("key " + (k + 1)).isEqualTo(expected.contains(k + 1));
            }
        }
    }

    @Test
    void denseKeysStayBits_inAnyOrder_andSparseKeysMoveToSortedKeys() {
        LongKeySet dense = new LongKeySet();
        List<Long> ids = new ArrayList<>();
        for (long k = 0; k < 200_000; k++) {
            ids.add(5_000_000_000L + k);
        }
        Collections.shuffle(ids, new Random(1));
        ids.forEach(dense::add);
        assertThat(dense.dense()).isTrue();
        assertThat(dense.seal().size()).isEqualTo(200_000);

        LongKeySet sparse = new LongKeySet();
        Random r = new Random(2);
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            long k = (1L << 41) + (r.nextLong() >>> 24); // scattered over 2^40
            sparse.add(k);
            sparse.add(k); // every key twice: the log keeps only unique keys once compacted
            expected.add(k);
        }
        assertThat(sparse.dense()).isFalse();
        sparse.seal();
        assertThat(sparse.size()).isEqualTo(expected.size());
        for (long k : expected) {
            assertThat(sparse.contains(k)).isTrue();
            assertThat(sparse.contains(k + 1)).isEqualTo(expected.contains(k + 1));
        }
    }

    @Test
    void addAll_unitesTwoSets_andASealedSetRefusesKeys() {
        LongKeySet a = new LongKeySet();
        LongKeySet b = new LongKeySet();
        for (long k = 0; k < 200_000; k += 2) {
            a.add(k);
            b.add(k + 1);
        }
        b.add(1L << 45);
        a.addAll(b);
        assertThat(a.seal().size()).isEqualTo(200_001);
        assertThat(a.contains(1L << 45)).isTrue();
        assertThatThrownBy(() -> a.add(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LongKeySet().contains(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duplicateKeys_countEveryOccurrenceOfARepeatedKey_denseThenSparse() {
        for (boolean shuffle : new boolean[] {false, true}) {
            Random r = new Random(5);
            List<Long> keys = keys(r);
            if (shuffle) {
                Collections.shuffle(keys, r);
            }
            DuplicateKeys d = new DuplicateKeys();
            Map<Long, Integer> counts = new HashMap<>();
            long immediate = 0;
            for (long k : keys) {
                int repeat = d.add(k);
                counts.merge(k, 1, Integer::sum);
                immediate += repeat;
            }
            assertThat(d.rowsWithDuplicates()).isEqualTo(immediate);
            long[] examples = d.finish(5);
            long expected = counts.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
            assertThat(expected).isGreaterThan(100_000);
            assertThat(d.rowsWithDuplicates()).as("shuffled " + shuffle).isEqualTo(expected);
            for (long k : examples) {
                assertThat(counts.get(k)).isGreaterThan(1);
            }
        }
    }
}
