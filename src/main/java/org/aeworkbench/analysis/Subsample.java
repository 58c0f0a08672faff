package org.aeworkbench.analysis;

import java.util.Arrays;
import java.util.Random;

/** Seeded random subsets of row indices, used where a measure or a picture cannot take every row. */
public final class Subsample {

    private Subsample() {
    }

    /**
     * Every index in [0, n) when {@code m >= n}; otherwise m of them drawn uniformly without
     * replacement (the first m steps of a Fisher-Yates shuffle), in increasing order.
     */
    public static int[] indices(int n, int m, long seed) {
        if (m < 0) {
            throw new IllegalArgumentException("cannot take " + m + " rows");
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (m >= n) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] subset = Arrays.copyOf(all, m);
        Arrays.sort(subset);
        return subset;
    }
}
