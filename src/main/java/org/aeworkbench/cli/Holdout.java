package org.aeworkbench.cli;

import java.util.SplittableRandom;
import org.aeworkbench.data.Dataset;

/**
 * A seeded train / validation split of a data set: a fixed shuffle by the seed, the last
 * {@code fraction} of it held out.
 */
record Holdout(Dataset train, Dataset validation) {

    static Holdout of(Dataset data, double fraction, long seed) {
        int n = data.samples();
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
        int nVal = (int) Math.round(n * fraction);
        if (fraction > 0 && n > 1) {
            nVal = Math.max(1, Math.min(n - 1, nVal));
        }
        int[] tr = java.util.Arrays.copyOfRange(order, 0, n - nVal);
        int[] va = java.util.Arrays.copyOfRange(order, n - nVal, n);
        return new Holdout(data.subset(tr, data.name() + " (train)"), data.subset(va, data.name() + " (validation)"));
    }
}
