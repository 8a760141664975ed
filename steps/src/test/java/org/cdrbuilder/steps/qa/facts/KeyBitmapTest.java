package org.cdrbuilder.steps.qa.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeyBitmapTest {
    @Test
    void add_reportsDuplicatesInsideRunsAndAcrossRuns_likeAHashSet() {
        Random r = new Random(3);
        KeyBitmap bitmap = new KeyBitmap();
        Set<Long> set = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long key = i % 7 == 0 ? r.nextInt(5_000) : 10_000 + i / 2 + (i % 1000 == 0 ? -50 : 0);
            assertThat(bitmap.add(key)).as("key " + key).isEqualTo(set.add(key));
        }
        assertThat(bitmap.size()).isEqualTo(set.size());
        KeyBitmap sealed = bitmap.seal();
        for (long k = 0; k < 120_000; k += 7) {
            assertThat(sealed.contains(k)).isEqualTo(set.contains(k));
        }
    }
}
