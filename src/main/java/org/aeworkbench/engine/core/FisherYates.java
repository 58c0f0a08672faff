package org.aeworkbench.engine.core;

import java.util.SplittableRandom;

/**
 * The Fisher-Yates shuffle (Durstenfeld's in-place form, Knuth's Algorithm P): every permutation
 * equally likely, drawing from the stream in a fixed order, so a seed gives the same order on
 * every run. The trainer's minibatches, RBM pretraining's and the data splits all shuffle here.
 */
public final class FisherYates {

    private FisherYates() {
    }

    /** Shuffles {@code a} in place: for i from the last index down, swap a[i] with a[j], j uniform in [0, i]. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
