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

class KeyBitmapTest {
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
        keys.add(0L);
        return keys;
    }

    @Test
    void containsAndSize_matchAHashSet_forEveryKeyOrder() {
        Random r = new Random(3);
        List<Long> keys = keys(r);
        KeyBitmap bitmap = new KeyBitmap();
        Set<Long> set = new HashSet<>();
        keys.forEach(k -> {
            bitmap.add(k);
            set.add(k);
        });
        KeyBitmap sealed = bitmap.seal();
        assertThat(sealed.size()).isEqualTo(set.size());
        for (long k : keys) {
            assertThat(sealed.contains(k)).isTrue();
            assertThat(sealed.contains(k + 1)).as("key " + (k + 1)).isEqualTo(set.contains(k + 1));
        }
    }

    @Test
    void addAll_unitesTwoSets_andASealedSetRefusesKeys() {
        KeyBitmap a = new KeyBitmap();
        KeyBitmap b = new KeyBitmap();
        for (long k = 0; k < 200_000; k += 2) {
            a.add(k);
            b.add(k + 1);
        }
        a.addAll(b);
        assertThat(a.seal().size()).isEqualTo(200_000);
        assertThatThrownBy(() -> a.add(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyBitmap().contains(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duplicateKeys_countEveryOccurrenceOfARepeatedKey_acrossBuffers() {
        Random r = new Random(5);
        List<Long> keys = keys(r);
        Collections.shuffle(keys, r);
        List<Long> found = new ArrayList<>();
        DuplicateKeys d = new DuplicateKeys(found::add);
        Map<Long, Integer> counts = new HashMap<>();
        keys.forEach(k -> {
            d.add(k);
            counts.merge(k, 1, Integer::sum);
        });
        d.flush();
        long expected = counts.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
        assertThat(expected).isGreaterThan(100_000);
        assertThat(d.rowsWithDuplicates()).isEqualTo(expected);
        assertThat(found).hasSize((int) counts.values().stream().filter(n -> n > 1).count()).doesNotHaveDuplicates();
    }
}
