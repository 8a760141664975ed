package org.cdrbuilder.generator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Weighted random choice. */
final class Weighted {
    private Weighted() {
    }

    static int index(int[] weights, SplittableRandom r) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T pick(List<T> items, ToIntFunction<T> weight, SplittableRandom r) {
        int[] w = items.stream().mapToInt(t -> Math.max(1, weight.applyAsInt(t))).toArray();
        return items.get(index(w, r));
    }

    /** A Poisson-distributed count with the given mean (Knuth; fine for small means). */
    static int poisson(double mean, SplittableRandom r) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
