package org.aeworkbench.ui.dataset;

import java.util.SplittableRandom;

/** Seeded draws of sample indices, for subsets and display samples. */
public final class Sampling {

    private Sampling() {
    }

    /** The first {@code k} indices of a seeded Fisher-Yates shuffle of 0..n-1. */
    public static int[] firstOfShuffle(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, Math.min(k, n));
    }
}
